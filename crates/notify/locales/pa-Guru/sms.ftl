# ਪੰਜਾਬੀ ਵਿੱਚ SMS: ਛੋਟੇ ਅਤੇ ਸੌਖੇ, ਹਰ ਹਿੱਸੇ ਵਿੱਚ 70 ਅੱਖਰ।

date-short = { $weekday }, { $day } { $month }
sms-reminder = ਯਾਦ-ਦਹਾਨੀ: { $group }, { $date }, { $time } ਵਜੇ।
sms-place = ਥਾਂ: { $venue }।
sms-changed = ਨਵਾਂ ਸਮਾਂ: { $group }, { $date }, { $time } ਵਜੇ।
sms-cancelled = ਰੱਦ: { $group }, { $date }, { $time } ਵਜੇ। ਤੁਹਾਨੂੰ ਆਉਣ ਦੀ ਲੋੜ ਨਹੀਂ।
sms-cant-come = ਨਹੀਂ ਆ ਸਕਦੇ? ਨਹੀਂ ਜਾਂ 2 ਭੇਜੋ।
sms-stop = SMS ਬੰਦ ਕਰਨ ਲਈ STOP ਭੇਜੋ।
sms-no-words = ਨਹੀਂ
sms-stop-words = ਬੰਦ
sms-absence-received = ਧੰਨਵਾਦ। ਅਸੀਂ { $group } ਨੂੰ ਦੱਸ ਦਿੱਤਾ ਕਿ ਤੁਸੀਂ { $date } ਨੂੰ ਨਹੀਂ ਆ ਸਕਦੇ।
sms-stopped = ਹੁਣ ਤੁਹਾਨੂੰ ਸਾਡੇ ਵੱਲੋਂ SMS ਨਹੀਂ ਆਉਣਗੇ। ਦੁਬਾਰਾ ਲੈਣ ਲਈ START ਭੇਜੋ।
