card-link = ਫੰਡ ਦੇਣ ਵਾਲਿਆਂ ਲਈ ਪ੍ਰੋਗਰਾਮ ਕਾਰਡ
card-title = ਪ੍ਰੋਗਰਾਮ ਕਾਰਡ: { $program }
card-csv = ਸਪ੍ਰੈਡਸ਼ੀਟ ਵਜੋਂ ਡਾਊਨਲੋਡ ਕਰੋ (CSV)
card-suppression = ਸਾਂਝਾ ਕਰਨ ਲਈ ਬਣਿਆ: 1 ਤੋਂ 4 ਤੱਕ ਦੀਆਂ ਗਿਣਤੀਆਂ ਨਹੀਂ ਦਿਖਾਈਆਂ ਜਾਂਦੀਆਂ, ਨਾ ਹੀ ਉਨ੍ਹਾਂ ਤੋਂ ਕੱਢਿਆ ਕੋਈ ਅੰਕੜਾ। ਨਤੀਜਿਆਂ ਵਿੱਚ ਸਿਰਫ਼ ਖੋਜ ਵਰਤੋਂ ਲਈ ਸਹਿਮਤ ਭਾਗੀਦਾਰ ਗਿਣੇ ਜਾਂਦੇ ਹਨ।
card-suppressed = 5 ਤੋਂ ਘੱਟ
card-table1 = ਪ੍ਰੋਗਰਾਮ
card-table2 = ਇਸ ਨੇ ਕੀ ਦਿੱਤਾ ਅਤੇ ਕੀ ਬਦਲਿਆ
card-condition = ਹਾਲਤ ਜਾਂ ਮੁੱਦਾ
card-setting = ਗਰੁੱਪ ਕਿੱਥੇ ਮਿਲਦੇ ਹਨ
card-group-size = ਗਰੁੱਪ ਦਾ ਆਕਾਰ
card-groups = ਗਰੁੱਪ
card-participants = ਭਾਗੀਦਾਰ
card-sessions-held = ਹੋਈਆਂ ਮੀਟਿੰਗਾਂ
card-attendance = ਹਾਜ਼ਰੀ
card-dose = ਹਰ ਭਾਗੀਦਾਰ ਦੀਆਂ ਔਸਤ ਮੀਟਿੰਗਾਂ
card-completed = ਪ੍ਰੋਗਰਾਮ ਪੂਰਾ ਕੀਤਾ
card-completion = ਪੂਰਾ ਕਰਨ ਦੀ ਦਰ
card-retention = ਟਿਕੇ ਰਹਿਣਾ
card-retention-words = { $sessions ->
    [0] ਅਜੇ ਕੋਈ ਮੀਟਿੰਗ ਨਹੀਂ ਹੋਈ।
   *[other] ਹੋਈਆਂ { $sessions } ਮੀਟਿੰਗਾਂ ਵਿੱਚੋਂ ਆਖਰੀ ਵਿੱਚ ਅਜੇ ਵੀ ਆਉਣ ਵਾਲੇ: { $last }।
}
card-retention-at = ਹੋਈ ਮੀਟਿੰਗ { $session } ਵਿੱਚ ਅਜੇ ਵੀ ਆਉਣ ਵਾਲੇ
card-outcomes-title = ਨਤੀਜੇ
card-no-outcomes = ਪ੍ਰੋਗਰਾਮ ਵਿੱਚ ਅਜੇ ਕੋਈ ਪਰਿਭਾਸ਼ਿਤ ਨਤੀਜਾ ਯੋਜਨਾਬੱਧ ਨਹੀਂ ਹੈ।
card-paired-plot = ਹਰ ਵਿਅਕਤੀ ਦਾ ਪਹਿਲਾਂ ਅਤੇ ਬਾਅਦ ਦਾ ਅੰਕ
card-funder-csv = ਫੰਡ ਦੇਣ ਵਾਲੇ ਲਈ ਭਾਗੀਦਾਰਾਂ ਦੀਆਂ ਕਤਾਰਾਂ, ਪਛਾਣ ਹਟਾ ਕੇ, ਸਿਰਫ਼ ਖੋਜ ਵਰਤੋਂ ਲਈ ਸਹਿਮਤ ਲੋਕਾਂ ਦੀਆਂ (CSV)
