## ਸੁਨੇਹੇ: ਸੂਚੀ, ਦੁਬਾਰਾ ਭੇਜਣਾ, ਅਤੇ ਰਿਮਾਈਂਡਰਾਂ ਦੀ ਝਲਕ।

nav-messages = ਸੁਨੇਹੇ
messages-title = ਸੁਨੇਹੇ
messages-state = ਹਾਲਤ
messages-show = ਦਿਖਾਓ
messages-all = ਸਾਰੇ
messages-none = ਇੱਥੇ ਕੋਈ ਸੁਨੇਹਾ ਨਹੀਂ।
messages-retry = ਦੁਬਾਰਾ ਭੇਜੋ
messages-retried = ਸੁਨੇਹਾ ਥੋੜ੍ਹੀ ਦੇਰ ਵਿੱਚ ਦੁਬਾਰਾ ਭੇਜਿਆ ਜਾਵੇਗਾ।
messages-older = ਪੁਰਾਣੇ ਸੁਨੇਹੇ
messages-nobody = ਹੁਣ ਕੋਈ ਨਹੀਂ
messages-attempts = ਕੋਸ਼ਿਸ਼ਾਂ: { $count }

message-kind-session_reminder = ਰਿਮਾਈਂਡਰ
message-kind-session_changed = ਮੀਟਿੰਗ ਦਾ ਸਮਾਂ ਬਦਲਿਆ
message-kind-session_cancelled = ਮੀਟਿੰਗ ਰੱਦ ਹੋਈ
message-kind-facilitator_reminder = ਸਹਾਇਕ ਲਈ ਰਿਮਾਈਂਡਰ
message-kind-absence_notice = "ਮੇਰਾ ਆਉਣਾ ਨਹੀਂ ਹੋ ਸਕਦਾ" ਸੂਚਨਾ
message-kind-follow_up_opened = ਕਰਨ ਵਾਲੀ ਫਾਲੋ-ਅੱਪ ਕਾਲ
message-kind-follow_up_escalated = ਪਿੱਛੇ ਰਹਿ ਗਈਆਂ ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ
message-kind-follow_up_assigned = ਫਾਲੋ-ਅੱਪ ਕਾਲ ਸੌਂਪੀ ਗਈ
message-kind-follow_up_handed_over = ਕਾਲ ਲਈ ਮਦਦ ਮੰਗੀ ਗਈ
message-kind-roles_missing = ਸਹਾਇਕ ਘੱਟ ਹਨ
message-kind-weekly_digest = ਹਫ਼ਤਾਵਾਰੀ ਸਾਰ
message-kind-invitation = ਸੱਦਾ
message-kind-password_reset = ਪਾਸਵਰਡ ਨਵਾਂ ਕਰਨਾ
message-kind-absence_confirmed = SMS ਰਾਹੀਂ ਗੈਰਹਾਜ਼ਰੀ ਦੀ ਪੁਸ਼ਟੀ
message-kind-sms_stopped = STOP ਤੋਂ ਬਾਅਦ ਆਖਰੀ SMS

message-state-queued = ਉਡੀਕ ਵਿੱਚ
message-state-sent = ਭੇਜਿਆ ਗਿਆ
message-state-delivered = ਪਹੁੰਚ ਗਿਆ
message-state-retrying = ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼
message-state-dead = ਨਾਕਾਮ
message-state-skipped = ਨਹੀਂ ਭੇਜਿਆ

mail-preview-title = ਰਿਮਾਈਂਡਰ ਦੀ ਝਲਕ
mail-preview-link = ਰਿਮਾਈਂਡਰਾਂ ਦੀ ਝਲਕ ਦੇਖੋ
mail-preview-of = ਮੀਟਿੰਗ:
mail-preview-kind = ਸੁਨੇਹਾ
mail-preview-locale = ਭਾਸ਼ਾ
mail-preview-show = ਦਿਖਾਓ
mail-preview-mail = ਸੁਨੇਹਾ
mail-preview-name = (ਉਹਨਾਂ ਦਾ ਨਾਮ)
mail-preview-note = ਇਹ ਸਿਰਫ਼ ਝਲਕ ਹੈ: ਕੁਝ ਨਹੀਂ ਭੇਜਿਆ ਗਿਆ। ਅਸਲ ਰਿਮਾਈਂਡਰ ਵਿੱਚ ਹਰ ਭਾਗੀਦਾਰ ਦਾ ਆਪਣਾ ਲਿੰਕ ਹੁੰਦਾ ਹੈ।
mail-preview-missing = ਇਹ ਸੁਨੇਹਾ ਅਜੇ ਇਸ ਭਾਸ਼ਾ ਵਿੱਚ ਨਹੀਂ ਲਿਖਿਆ ਜਾ ਸਕਦਾ।
mail-preview-no-session = ਕੋਈ ਮੀਟਿੰਗ ਨੇੜੇ ਨਹੀਂ। ਪਹਿਲਾਂ ਇੱਕ ਗਰੁੱਪ ਬਣਾਓ, ਫਿਰ ਉਸਦੇ ਰਿਮਾਈਂਡਰ ਦੇਖੋ।
messages-sms-segments = SMS, ਹਿੱਸੇ: { $count }
messages-replies-title = SMS ਰਾਹੀਂ ਜਵਾਬ
messages-log-title = ਭੇਜੇ ਗਏ ਸੁਨੇਹੇ
sms-reply-absence = ਕਿਹਾ ਕਿ ਨਹੀਂ ਆ ਸਕਦੇ
sms-reply-stop = ਹੋਰ SMS ਨਾ ਭੇਜਣ ਲਈ ਕਿਹਾ
sms-reply-start = ਫਿਰ SMS ਭੇਜਣ ਲਈ ਕਿਹਾ
sms-reply-coordinator = ਤੁਹਾਡੇ ਪੜ੍ਹਨ ਲਈ
