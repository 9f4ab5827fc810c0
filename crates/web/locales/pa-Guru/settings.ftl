# ਕੋਆਰਡੀਨੇਟਰਾਂ ਲਈ peergroup ਪੰਨੇ: ਸੰਸਥਾ ਦੀਆਂ ਸੈਟਿੰਗਾਂ, ਪ੍ਰੋਗਰਾਮ ਦੇ ਨਿਯਮ, ਅਤੇ ਪ੍ਰਿੰਟ ਕਰਨ ਵਾਲੇ ਪੰਨੇ। ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ ਲਿਪੀ)।
# ਹਰ ਭਾਸ਼ਾ ਵਿੱਚ ਹਰ key ਹੈ; ਇੱਕ ਟੈਸਟ ਇਹ ਜਾਂਚਦਾ ਹੈ।

nav-settings = ਸੈਟਿੰਗਾਂ

## ਸੰਸਥਾ ਦੀਆਂ ਸੈਟਿੰਗਾਂ
settings-title = ਸੈਟਿੰਗਾਂ
settings-admins-only = ਸਿਰਫ਼ ਐਡਮਿਨ ਇਹ ਸੈਟਿੰਗਾਂ ਬਦਲ ਸਕਦਾ ਹੈ।
settings-quiet = ਸ਼ਾਂਤ ਘੰਟੇ
settings-quiet-hint = ਇਨ੍ਹਾਂ ਦੋ ਸਮਿਆਂ ਦੇ ਵਿਚਕਾਰ ਕੋਈ ਰਿਮਾਈਂਡਰ ਨਹੀਂ ਭੇਜਿਆ ਜਾਂਦਾ, ਹਰ ਗਰੁੱਪ ਦੇ ਆਪਣੇ ਸਮੇਂ ਅਨੁਸਾਰ। ਜੋ ਰਿਮਾਈਂਡਰ ਇਸ ਵੇਲੇ ਜਾਣਾ ਹੋਵੇ, ਉਹ ਸ਼ਾਂਤ ਘੰਟੇ ਖਤਮ ਹੋਣ ਤੱਕ ਉਡੀਕ ਕਰਦਾ ਹੈ। ਦੋਵੇਂ ਸਮੇਂ ਇੱਕੋ ਹੋਣ ਤਾਂ ਕੋਈ ਸ਼ਾਂਤ ਘੰਟੇ ਨਹੀਂ ਹੁੰਦੇ।
settings-quiet-start = ਕਦੋਂ ਤੋਂ
settings-quiet-end = ਕਦੋਂ ਤੱਕ
settings-reply-to = ਰਿਮਾਈਂਡਰਾਂ ਦੇ ਜਵਾਬ
settings-reply-to-hint = ਸੰਸਥਾ ਦੀਆਂ ਈਮੇਲਾਂ ਦੇ ਜਵਾਬ ਇਸ ਪਤੇ 'ਤੇ ਜਾਂਦੇ ਹਨ। ਖਾਲੀ ਹੋਵੇ ਤਾਂ: ਭੇਜਣ ਵਾਲੇ ਦੇ ਪਤੇ 'ਤੇ।
settings-policy = ਸੰਚਾਲਕ ਜਿਸ ਨੇ ਸਿਖਲਾਈ ਪੂਰੀ ਨਹੀਂ ਕੀਤੀ
settings-policy-block = ਜ਼ਿੰਮੇਵਾਰੀ ਨਹੀਂ ਦਿੱਤੀ ਜਾ ਸਕਦੀ
settings-policy-override = ਕੋਆਰਡੀਨੇਟਰ ਕਾਰਨ ਦੱਸ ਕੇ ਜ਼ਿੰਮੇਵਾਰੀ ਦੇ ਸਕਦਾ ਹੈ
settings-per-program = ਖੁੰਝੀਆਂ ਮੀਟਿੰਗਾਂ ਦਾ ਨਿਯਮ ਅਤੇ ਰਿਮਾਈਂਡਰ ਭੇਜਣ ਦਾ ਸਮਾਂ ਹਰ ਪ੍ਰੋਗਰਾਮ ਦੇ ਆਪਣੇ ਪੰਨੇ 'ਤੇ ਤੈਅ ਹੁੰਦਾ ਹੈ।
settings-save = ਸੈਟਿੰਗਾਂ ਸੇਵ ਕਰੋ
settings-saved = ਸੇਵ ਹੋ ਗਿਆ।
settings-bad-time = ਸ਼ਾਂਤ ਘੰਟੇ ਸਮੇਂ ਵਜੋਂ ਲਿਖੋ, ਜਿਵੇਂ 21:00 ਅਤੇ 08:00।
settings-bad-email = ਜਵਾਬ ਵਾਲਾ ਪਤਾ ਈਮੇਲ ਪਤਾ ਨਹੀਂ ਹੈ।

## ਪ੍ਰੋਗਰਾਮ ਦੇ ਨਿਯਮ
program-rules = ਕਾਲਾਂ ਅਤੇ ਰਿਮਾਈਂਡਰ
field-missed-threshold = ਲਗਾਤਾਰ ਇੰਨੀਆਂ ਮੀਟਿੰਗਾਂ ਖੁੰਝਣ ਤੋਂ ਬਾਅਦ ਕਾਲ ਕਰੋ
field-participant-hours = ਭਾਗੀਦਾਰਾਂ ਨੂੰ ਇੰਨੇ ਘੰਟੇ ਪਹਿਲਾਂ ਰਿਮਾਈਂਡਰ ਭੇਜੋ
field-facilitator-hours = ਸੰਚਾਲਕਾਂ ਨੂੰ ਇੰਨੇ ਘੰਟੇ ਪਹਿਲਾਂ ਰਿਮਾਈਂਡਰ ਭੇਜੋ
field-hours-hint = ਘੰਟਿਆਂ ਦੀ ਗਿਣਤੀ, ਕੌਮਿਆਂ ਨਾਲ ਵੱਖ ਕੀਤੀ, ਜਿਵੇਂ 168, 24। ਖਾਲੀ ਹੋਵੇ ਤਾਂ: ਕੋਈ ਰਿਮਾਈਂਡਰ ਨਹੀਂ।
program-bad-threshold = ਖੁੰਝੀਆਂ ਮੀਟਿੰਗਾਂ ਦੀ ਗਿਣਤੀ 1 ਤੋਂ 20 ਤੱਕ ਪੂਰੀ ਸੰਖਿਆ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ।
program-bad-hours = ਘੰਟੇ ਕੌਮਿਆਂ ਨਾਲ ਵੱਖ ਕੀਤੀਆਂ ਪੂਰੀਆਂ ਸੰਖਿਆਵਾਂ ਵਿੱਚ ਲਿਖੋ, 1 ਤੋਂ 672 ਤੱਕ।

## ਪ੍ਰਿੰਟ ਕਰਨ ਵਾਲੇ ਪੰਨੇ
print-button = ਪ੍ਰਿੰਟ ਕਰੋ
print-sheet-link = ਪ੍ਰਿੰਟ ਕਰਨ ਲਈ ਹਾਜ਼ਰੀ ਸ਼ੀਟ
print-roster-link = ਪ੍ਰਿੰਟ ਕਰਨ ਲਈ ਭਾਗੀਦਾਰਾਂ ਦੀ ਸੂਚੀ
print-sheet-title = ਹਾਜ਼ਰੀ ਸ਼ੀਟ
print-roster-title = ਭਾਗੀਦਾਰਾਂ ਦੀ ਸੂਚੀ
print-name = ਨਾਂ
print-signature = ਦਸਤਖ਼ਤ
print-language = ਭਾਸ਼ਾ
print-phone = ਫ਼ੋਨ
print-status = ਸਥਿਤੀ
print-facilitators = ਸੰਚਾਲਕ
settings-organization = ਸੰਸਥਾ
settings-name = ਨਾਮ
settings-name-hint = ਸੱਦਿਆਂ ਵਿੱਚ ਅਤੇ ਛਪੇ ਪੰਨਿਆਂ ਦੇ ਉੱਤੇ ਦਿਖਦਾ ਹੈ।
settings-bad-name = ਸੰਸਥਾ ਦਾ ਨਾਮ ਲਿਖੋ (ਵੱਧ ਤੋਂ ਵੱਧ 200 ਅੱਖਰ)।
