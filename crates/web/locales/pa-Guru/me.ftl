# My training and My calendar, Punjabi (Gurmukhi script).
# The calendar steps keep the English menu names: phone menus are often in English.

nav-training = ਮੇਰੀ ਸਿਖਲਾਈ
nav-calendar = ਮੇਰਾ ਕੈਲੰਡਰ
not-a-facilitator = ਤੁਹਾਡਾ ਖਾਤਾ ਹਾਲੇ ਕਿਸੇ ਸੰਚਾਲਕ ਨਾਲ ਜੁੜਿਆ ਨਹੀਂ ਹੈ। ਆਪਣੇ ਕੋਆਰਡੀਨੇਟਰ ਨੂੰ ਪੁੱਛੋ।
training-title = ਮੇਰੀ ਸਿਖਲਾਈ
training-done-title = ਪੂਰੇ ਕੀਤੇ ਮੋਡੀਊਲ
training-done-line = { $module }: { $date }
training-expired = ਹੁਣ ਵੈਧ ਨਹੀਂ
training-none = ਹਾਲੇ ਕੋਈ ਮੋਡੀਊਲ ਦਰਜ ਨਹੀਂ ਹੈ।
training-roles-title = ਮੇਰੀਆਂ ਭੂਮਿਕਾਵਾਂ
training-role-ready = { $group } ({ $role }): ਅਗਵਾਈ ਕਰਨ ਲਈ ਤਿਆਰ
training-role-missing = { $group } ({ $role }): ਹਾਲੇ ਲੋੜ ਹੈ: { $missing }
training-role-expiring = ਜਲਦੀ ਨਵਿਆਓ: { $modules }
training-role-override = ਇੱਕ ਕੋਆਰਡੀਨੇਟਰ ਨੇ ਹਾਲੇ ਲਈ ਇਸ ਭੂਮਿਕਾ ਦੀ ਇਜਾਜ਼ਤ ਦਿੱਤੀ ਹੈ।
supervision-title = ਸੁਪਰਵਿਜ਼ਨ ਮੁਲਾਕਾਤਾਂ
supervision-line = { $date }: { $minutes } ਮਿੰਟ
supervision-none = ਹਾਲੇ ਕੋਈ ਸੁਪਰਵਿਜ਼ਨ ਮੁਲਾਕਾਤ ਨਹੀਂ ਹੋਈ।
calendar-title = ਮੇਰਾ ਕੈਲੰਡਰ
calendar-intro = ਤੁਹਾਡੀਆਂ ਮੀਟਿੰਗਾਂ ਤੁਹਾਡੇ ਫ਼ੋਨ ਦੇ ਕੈਲੰਡਰ ਵਿੱਚ ਦਿਖ ਸਕਦੀਆਂ ਹਨ, ਅਤੇ ਉੱਥੇ ਹਮੇਸ਼ਾ ਨਵੀਆਂ ਰਹਿੰਦੀਆਂ ਹਨ। ਆਪਣਾ ਨਿੱਜੀ ਲਿੰਕ ਬਣਾਓ, ਫਿਰ ਇਸਨੂੰ ਆਪਣੇ ਕੈਲੰਡਰ ਵਿੱਚ ਜੋੜੋ।
calendar-make = ਮੇਰਾ ਕੈਲੰਡਰ ਲਿੰਕ ਬਣਾਓ
calendar-link-made = ਇਹ ਤੁਹਾਡਾ ਕੈਲੰਡਰ ਲਿੰਕ ਹੈ। ਇਹ ਸਿਰਫ਼ ਹੁਣੇ ਦਿਖਾਇਆ ਜਾਂਦਾ ਹੈ, ਅਤੇ ਇਹ ਨਿੱਜੀ ਹੈ: ਇਸਨੂੰ ਕਿਸੇ ਨਾਲ ਸਾਂਝਾ ਨਾ ਕਰੋ।
calendar-open = ਮੇਰੇ ਕੈਲੰਡਰ ਵਿੱਚ ਜੋੜੋ
calendar-android = Android (Google Calendar): ਕੰਪਿਊਟਰ 'ਤੇ calendar.google.com ਖੋਲ੍ਹੋ, "Other calendars", "+", "From URL" ਚੁਣੋ, ਅਤੇ ਲਿੰਕ ਪੇਸਟ ਕਰੋ।
calendar-iphone = iPhone: "ਮੇਰੇ ਕੈਲੰਡਰ ਵਿੱਚ ਜੋੜੋ" ਦਬਾਓ, ਜਾਂ Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar ਖੋਲ੍ਹੋ, ਅਤੇ ਲਿੰਕ ਪੇਸਟ ਕਰੋ।
calendar-again = ਨਵਾਂ ਲਿੰਕ ਬਣਾਉਣ ਨਾਲ ਪੁਰਾਣਾ ਲਿੰਕ ਬੰਦ ਹੋ ਜਾਂਦਾ ਹੈ।

## The roll-call on a phone that may be offline
mark-pending = ਹਾਲੇ ਨਹੀਂ ਭੇਜਿਆ
mark-saved = ਸੇਵ ਹੋ ਗਿਆ
mark-refused = ਮਨਜ਼ੂਰ ਨਹੀਂ ਹੋਇਆ
mark-disagrees = { $by } ਵੱਲੋਂ ਲਗਾਈ ਹਾਜ਼ਰੀ: { $mark }
log-pending = ਸਿਗਨਲ ਵਾਪਸ ਆਉਣ 'ਤੇ ਹਾਜ਼ਰੀ ਭੇਜੀ ਜਾਵੇਗੀ।

## Asking a coordinator to help with a call
escalate = ਇਸ ਕਾਲ ਲਈ ਕਿਸੇ ਕੋਆਰਡੀਨੇਟਰ ਤੋਂ ਮਦਦ ਮੰਗੋ
escalated = ਕੋਆਰਡੀਨੇਟਰਾਂ ਨੂੰ ਦੱਸ ਦਿੱਤਾ ਗਿਆ ਹੈ। ਉਹ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰਨਗੇ।
interpreter-for = { $language } ਲਈ ਦੁਭਾਸ਼ੀਆ ਮੌਜੂਦ ਸੀ
