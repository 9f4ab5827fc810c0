# ਕੋਆਰਡੀਨੇਟਰਾਂ ਲਈ peergroup ਪੰਨੇ: ਭਾਗੀਦਾਰ, ਇੰਪੋਰਟ ਅਤੇ ਐਕਸਪੋਰਟ। ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ ਲਿਪੀ)।
# ਹਰ ਭਾਸ਼ਾ ਵਿੱਚ ਹਰ key ਹੈ; ਇੱਕ ਟੈਸਟ ਇਹ ਜਾਂਚਦਾ ਹੈ। `code` ਵਿੱਚ ਲਿਖੇ ਕਾਲਮਾਂ ਦੇ ਨਾਂ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਰਹਿੰਦੇ ਹਨ:
# ਇਹ ਉਹ ਨਾਂ ਹਨ ਜੋ CSV ਫਾਈਲ ਦੀ ਪਹਿਲੀ ਕਤਾਰ ਵਿੱਚ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ।

nav-participants = ਭਾਗੀਦਾਰ
nav-exports = ਐਕਸਪੋਰਟ

## ਭਾਗੀਦਾਰ
participants-title = ਭਾਗੀਦਾਰ
participants-search = ਨਾਂ, ਈਮੇਲ ਜਾਂ ਫ਼ੋਨ ਨਾਲ ਲੱਭੋ
participants-search-button = ਲੱਭੋ
participants-new = ਭਾਗੀਦਾਰ ਜੋੜੋ
participants-import = CSV ਫਾਈਲ ਤੋਂ ਇੰਪੋਰਟ ਕਰੋ
participants-none = ਹਾਲੇ ਕੋਈ ਭਾਗੀਦਾਰ ਨਹੀਂ ਹੈ।
participants-none-found = ਇਸ ਖੋਜ ਨਾਲ ਕੋਈ ਨਹੀਂ ਮਿਲਿਆ।
participants-more = ਸਿਰਫ਼ ਪਹਿਲੇ 50 ਦਿਖਾਏ ਗਏ ਹਨ। ਹੋਰਾਂ ਨੂੰ ਲੱਭਣ ਲਈ ਖੋਜ ਕਰੋ।
participant-title = ਭਾਗੀਦਾਰ
participant-added = ਸੇਵ ਹੋ ਗਿਆ। ਭਾਗੀਦਾਰ ਜੋੜ ਦਿੱਤਾ ਗਿਆ ਹੈ।
new-participant-title = ਭਾਗੀਦਾਰ ਜੋੜੋ
participant-looks-like = ਸ਼ਾਇਦ ਇਹ ਵਿਅਕਤੀ ਪਹਿਲਾਂ ਹੀ ਇੱਥੇ ਹੈ:
participant-different = ਇਹ ਕੋਈ ਹੋਰ ਵਿਅਕਤੀ ਹੈ। ਫਿਰ ਵੀ ਜੋੜੋ।
participant-save = ਸੇਵ ਕਰੋ
field-name = ਨਾਂ
field-language = ਭਾਸ਼ਾ
field-language-hint = ਭਾਸ਼ਾ ਦਾ ਕੋਡ, ਜਿਵੇਂ ar, fa-AF, uk ਜਾਂ zh-Hans।
field-email = ਈਮੇਲ
field-phone = ਫ਼ੋਨ
field-phone-hint = ਦੇਸ਼ ਦੇ ਕੋਡ ਨਾਲ, ਜਿਵੇਂ +1 604 555 0123।
field-channel = ਰਿਮਾਈਂਡਰ ਭੇਜਣ ਦਾ ਤਰੀਕਾ
field-alternative-contact = ਕੋਈ ਹੋਰ ਵਿਅਕਤੀ ਜੋ ਸੁਨੇਹਾ ਪਹੁੰਚਾ ਸਕਦਾ ਹੈ
field-consent-reminders = ਰਿਮਾਈਂਡਰ ਲੈਣ ਲਈ ਸਹਿਮਤ
field-consent-calls = ਫ਼ੋਨ ਕਾਲਾਂ ਲੈਣ ਲਈ ਸਹਿਮਤ
consent-legend = ਸਹਿਮਤੀ
consent-given-on = ਹਾਂ, { $date } ਤੋਂ
consent-not-given = ਨਹੀਂ
channel-none = ਕੋਈ ਪਸੰਦ ਨਹੀਂ
channel-email = ਈਮੇਲ
channel-sms = ਟੈਕਸਟ ਸੁਨੇਹਾ (SMS)
channel-phone = ਫ਼ੋਨ ਕਾਲ
enrolments-title = ਗਰੁੱਪ
enrolments-none = ਹਾਲੇ ਕਿਸੇ ਗਰੁੱਪ ਵਿੱਚ ਨਹੀਂ।
enrolment-waitlisted = ਉਡੀਕ ਸੂਚੀ
enrolment-enrolled = ਗਰੁੱਪ ਵਿੱਚ ਸ਼ਾਮਲ
enrolment-withdrawn = ਗਰੁੱਪ ਛੱਡ ਦਿੱਤਾ
enrolment-completed = ਪੂਰਾ ਕੀਤਾ
attendance-summary = ਹਾਜ਼ਰ: { $attended } ਵਾਰ। ਗ਼ੈਰਹਾਜ਼ਰ: { $absent } ਵਾਰ। ਦੱਸ ਕੇ ਗ਼ੈਰਹਾਜ਼ਰ: { $excused } ਵਾਰ।
attendance-line = ਮੀਟਿੰਗ { $number }, { $date }: { $status }
supports-title = ਮਦਦ:
support-childcare = ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ
support-transport = ਆਉਣ-ਜਾਣ
support-interpreter = ਦੁਭਾਸ਼ੀਆ
support-food = ਖਾਣਾ
support-financial = ਪੈਸੇ ਦੀ ਮਦਦ
support-other = ਹੋਰ ਮਦਦ
support-status-requested = ਮੰਗੀ ਗਈ
support-status-arranged = ਪ੍ਰਬੰਧ ਹੋ ਗਿਆ
support-status-declined = ਸੰਭਵ ਨਹੀਂ

## ਲਿਖੀ ਜਾਣਕਾਰੀ ਵਿੱਚ ਸਮੱਸਿਆਵਾਂ
problem-missing = { $field }: ਇਹ ਖਾਲੀ ਹੈ।
problem-invalid = { $field }: ਇਹ ਠੀਕ ਨਹੀਂ ਹੈ।
problem-phone = ਫ਼ੋਨ: ਨੰਬਰ + ਅਤੇ ਦੇਸ਼ ਦੇ ਕੋਡ ਨਾਲ ਲਿਖੋ, ਜਿਵੇਂ +16045550123।
problem-language = ਭਾਸ਼ਾ: ਭਾਸ਼ਾ ਦਾ ਕੋਡ ਲਿਖੋ, ਜਿਵੇਂ ar, fa-AF ਜਾਂ zh-Hans।
problem-channel-without-contact = ਰਿਮਾਈਂਡਰ ਭੇਜਣ ਦਾ ਤਰੀਕਾ: ਇਸ ਲਈ ਕੋਈ ਈਮੇਲ ਜਾਂ ਫ਼ੋਨ ਨਹੀਂ ਹੈ।
problem-reminders-without-contact = ਰਿਮਾਈਂਡਰਾਂ ਲਈ ਈਮੇਲ ਜਾਂ ਫ਼ੋਨ ਚਾਹੀਦਾ ਹੈ।
problem-calls-without-phone = ਫ਼ੋਨ ਕਾਲਾਂ ਲਈ ਫ਼ੋਨ ਨੰਬਰ ਚਾਹੀਦਾ ਹੈ।

## ਇੰਪੋਰਟ
import-title = ਭਾਗੀਦਾਰ ਇੰਪੋਰਟ ਕਰੋ
import-intro = UTF-8 ਵਿੱਚ ਸੇਵ ਕੀਤੀ CSV ਫਾਈਲ ਚੁਣੋ। ਪਹਿਲਾਂ ਤੁਸੀਂ ਦੇਖੋਗੇ ਕਿ ਹਰ ਕਤਾਰ ਨਾਲ ਕੀ ਹੋਵੇਗਾ। ਜਦੋਂ ਤੱਕ ਤੁਸੀਂ ਪੱਕਾ ਨਹੀਂ ਕਰਦੇ, ਕੁਝ ਵੀ ਸੇਵ ਨਹੀਂ ਹੁੰਦਾ। ਜੋ ਲੋਕ ਪਹਿਲਾਂ ਹੀ ਇੱਥੇ ਹਨ, ਉਹ ਦੁਬਾਰਾ ਨਹੀਂ ਜੋੜੇ ਜਾਂਦੇ।
import-file = CSV ਫਾਈਲ
import-check = ਫਾਈਲ ਦੀ ਜਾਂਚ ਕਰੋ
import-columns-title = ਕਾਲਮ
import-template = ਭਰਨ ਲਈ ਫਾਈਲ ਡਾਊਨਲੋਡ ਕਰੋ
column-name = ਵਿਅਕਤੀ ਦਾ ਨਾਂ। ਜ਼ਰੂਰੀ।
column-language = ਉਸ ਦੀ ਭਾਸ਼ਾ, ar ਜਾਂ fa-AF ਵਰਗੇ ਕੋਡ ਵਿੱਚ। ਜ਼ਰੂਰੀ।
column-email = ਈਮੇਲ।
column-phone = ਫ਼ੋਨ, + ਅਤੇ ਦੇਸ਼ ਦੇ ਕੋਡ ਨਾਲ।
column-channel = email, sms ਜਾਂ phone: ਉਸ ਨੂੰ ਰਿਮਾਈਂਡਰ ਕਿਵੇਂ ਮਿਲਦੇ ਹਨ।
column-alternative-contact = ਕੋਈ ਹੋਰ ਵਿਅਕਤੀ ਜੋ ਸੁਨੇਹਾ ਪਹੁੰਚਾ ਸਕਦਾ ਹੈ।
column-consent-reminders = yes ਜਾਂ no: ਰਿਮਾਈਂਡਰ ਲੈਣ ਲਈ ਸਹਿਮਤ।
column-consent-calls = yes ਜਾਂ no: ਫ਼ੋਨ ਕਾਲਾਂ ਲੈਣ ਲਈ ਸਹਿਮਤ।
import-not-utf8 = ਇਹ ਫਾਈਲ UTF-8 ਵਿੱਚ ਨਹੀਂ ਹੈ। ਆਪਣੀ ਸਪ੍ਰੈਡਸ਼ੀਟ ਵਿੱਚ ਇਸਨੂੰ "CSV UTF-8" ਵਜੋਂ ਸੇਵ ਕਰੋ ਅਤੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
import-empty = ਇਹ ਫਾਈਲ ਖਾਲੀ ਹੈ।
import-missing-column = ਫਾਈਲ ਵਿੱਚ "{ $column }" ਕਾਲਮ ਨਹੀਂ ਹੈ। ਇਸ ਦੀ ਪਹਿਲੀ ਕਤਾਰ ਵਿੱਚ ਕਾਲਮਾਂ ਦੇ ਨਾਂ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ।
import-too-many-rows = ਫਾਈਲ ਵਿੱਚ { $count } ਤੋਂ ਵੱਧ ਕਤਾਰਾਂ ਹਨ। ਇਸਨੂੰ ਛੋਟੀਆਂ ਫਾਈਲਾਂ ਵਿੱਚ ਵੰਡੋ।
import-unreadable = ਫਾਈਲ ਲਾਈਨ { $line } ਤੋਂ ਪੜ੍ਹੀ ਨਹੀਂ ਜਾ ਸਕਦੀ। ਸ਼ਾਇਦ ਕੋਈ ਕੋਟ ਨਿਸ਼ਾਨ ਗੁੰਮ ਹੈ।
import-no-file = ਪਹਿਲਾਂ ਕੋਈ ਫਾਈਲ ਚੁਣੋ।
import-preview-title = ਇੰਪੋਰਟ ਦੀ ਜਾਂਚ ਕਰੋ
import-done-title = ਇੰਪੋਰਟ ਪੂਰਾ ਹੋ ਗਿਆ
import-preview = ਜੋੜੇ ਜਾਣਗੇ: { $added }। ਪਹਿਲਾਂ ਹੀ ਇੱਥੇ: { $there }। ਸਮੱਸਿਆ ਵਾਲੀਆਂ ਕਤਾਰਾਂ: { $refused }।
import-done = ਜੋੜੇ ਗਏ: { $added }। ਪਹਿਲਾਂ ਹੀ ਇੱਥੇ: { $there }। ਸਮੱਸਿਆ ਵਾਲੀਆਂ ਕਤਾਰਾਂ, ਜੋ ਨਹੀਂ ਜੋੜੀਆਂ ਗਈਆਂ: { $refused }।
import-ignored-columns = ਇਹ ਕਾਲਮ ਨਹੀਂ ਪੜ੍ਹੇ ਜਾਂਦੇ: { $columns }
import-confirm = { $count } ਵਿਅਕਤੀ ਜੋੜੋ
import-another = ਹੋਰ ਫਾਈਲ ਇੰਪੋਰਟ ਕਰੋ
import-rows-caption = ਫਾਈਲ ਦੀ ਹਰ ਕਤਾਰ
import-line = ਲਾਈਨ
import-outcome = ਕੀ ਹੋਵੇਗਾ
import-row-add = ਜੋੜਿਆ ਜਾਵੇਗਾ
import-row-added = ਜੋੜਿਆ ਗਿਆ
import-row-there = ਪਹਿਲਾਂ ਹੀ ਇੱਥੇ: { $name }
import-row-repeat = ਲਾਈਨ { $line } ਵਾਲਾ ਹੀ ਵਿਅਕਤੀ

## ਐਕਸਪੋਰਟ
exports-title = ਐਕਸਪੋਰਟ
exports-intro = ਕਿਸੇ ਪ੍ਰੋਗਰਾਮ ਜਾਂ ਗਰੁੱਪ ਲਈ CSV ਫਾਈਲਾਂ ਡਾਊਨਲੋਡ ਕਰੋ। ਇਹ LibreOffice ਅਤੇ Excel ਵਿੱਚ ਖੁੱਲ੍ਹਦੀਆਂ ਹਨ। ਇਨ੍ਹਾਂ ਵਿੱਚ ਨਿੱਜੀ ਜਾਣਕਾਰੀ ਹੁੰਦੀ ਹੈ: ਇਨ੍ਹਾਂ ਨੂੰ ਸੁਰੱਖਿਅਤ ਰੱਖੋ ਅਤੇ ਕੰਮ ਪੂਰਾ ਹੋਣ 'ਤੇ ਮਿਟਾ ਦਿਓ।
exports-programs = ਪ੍ਰੋਗਰਾਮ
exports-groups = ਗਰੁੱਪ
exports-none = ਹਾਲੇ ਕੋਈ ਨਹੀਂ।
export-participants = ਭਾਗੀਦਾਰ
export-attendance = ਹਾਜ਼ਰੀ
export-follow-ups = ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ

## ਡੈਸ਼ਬੋਰਡ
nav-dashboard = ਡੈਸ਼ਬੋਰਡ
dashboard-title = ਡੈਸ਼ਬੋਰਡ
dashboard-week = ਅਗਲੇ 7 ਦਿਨ
dashboard-week-count = ਤੈਅ ਕੀਤੀਆਂ ਮੀਟਿੰਗਾਂ: { $count }
dashboard-session = { $group }, ਮੀਟਿੰਗ { $number }
dashboard-missing = ਘਾਟ: { $roles }
dashboard-gaps = ਮੀਟਿੰਗਾਂ ਜਿਨ੍ਹਾਂ ਵਿੱਚ ਲੋੜੀਂਦੇ ਸੰਚਾਲਕ ਨਹੀਂ ਹਨ
dashboard-gaps-none = ਹਰ ਮੀਟਿੰਗ ਵਿੱਚ ਲੋੜੀਂਦੇ ਸੰਚਾਲਕ ਹਨ।
dashboard-follow-ups = ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ
dashboard-open = ਖੁੱਲ੍ਹੀਆਂ: { $count }
dashboard-overdue = ਸਮਾਂ ਲੰਘ ਗਿਆ: { $count }
dashboard-escalated = ਕੋਆਰਡੀਨੇਟਰ ਨੂੰ ਭੇਜੀਆਂ: { $count }
dashboard-follow-ups-link = ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ ਦੇਖੋ
dashboard-training = ਸਿਖਲਾਈ ਦੀ ਘਾਟ
dashboard-training-none = ਹਰ ਸੰਚਾਲਕ ਕੋਲ ਉਹ ਸਿਖਲਾਈ ਹੈ ਜੋ ਉਸ ਦੇ ਗਰੁੱਪਾਂ ਨੂੰ ਚਾਹੀਦੀ ਹੈ।
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = ਅਗਲੇ 7 ਦਿਨਾਂ ਲਈ ਮਦਦ ਦੇ ਪ੍ਰਬੰਧ
dashboard-supports-none = ਕਿਸੇ ਮਦਦ ਦੀ ਲੋੜ ਨਹੀਂ ਹੈ।
dashboard-childcare = ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ ਲਈ ਥਾਵਾਂ: { $count }
dashboard-transport = ਸਫ਼ਰ ਜਿਨ੍ਹਾਂ ਦਾ ਭੁਗਤਾਨ ਜਾਂ ਪ੍ਰਬੰਧ ਕਰਨਾ ਹੈ: { $count }
dashboard-food = ਖਾਣੇ: { $count }
dashboard-interpreters = ਦੁਭਾਸ਼ੀਏ: { $languages }
dashboard-retention = ਹਰ ਗਰੁੱਪ ਵਿੱਚ ਹਾਲੇ ਵੀ ਮੌਜੂਦ ਭਾਗੀਦਾਰ
dashboard-retention-none = ਹਾਲੇ ਕੋਈ ਚੱਲਦਾ ਗਰੁੱਪ ਨਹੀਂ ਹੈ।
dashboard-kept = { $all } ਵਿੱਚੋਂ { $kept }
dashboard-more-groups = ਨਾ ਦਿਖਾਏ ਗਏ ਗਰੁੱਪ: { $count }
field-consent-research = ਉਹਨਾਂ ਦੇ ਮੁਲਾਂਕਣਾਂ ਦੀ ਖੋਜ ਵਿੱਚ ਵਰਤੋਂ
