program-plan = ਨਤੀਜਿਆਂ ਦੇ ਮੁਲਾਂਕਣ
program-plan-hint = ਇਸ ਪ੍ਰੋਗਰਾਮ ਦੇ ਗਰੁੱਪਾਂ ਦਾ ਮੁਲਾਂਕਣ ਕਰਨ ਵਾਲੇ ਸਾਧਨ, ਅਤੇ ਕਦੋਂ। ਕੋਈ ਹਟਾਉਣ ਲਈ — ਚੁਣੋ।
program-plan-instrument = ਸਾਧਨ
program-plan-undefined = ਇਹ ਸਾਧਨ ਅਜੇ ਤੁਹਾਡੀ ਸੰਸਥਾ ਵਿੱਚ ਪਰਿਭਾਸ਼ਿਤ ਨਹੀਂ ਹੈ। ਪਹਿਲੇ ਮੁਲਾਂਕਣ ਤੋਂ ਪਹਿਲਾਂ ਇਸ ਨੂੰ ਪਰਿਭਾਸ਼ਿਤ ਕਰੋ।
instrument-link = ਸਾਧਨ
field-plan-after = ਮੀਟਿੰਗ ਨੰਬਰ ਤੋਂ ਬਾਅਦ, ਜਿਵੇਂ 6
field-plan-weeks = ਆਖਰੀ ਮੀਟਿੰਗ ਤੋਂ ਬਾਅਦ ਹਫ਼ਤੇ, ਜਿਵੇਂ 12, 24
program-bad-plan = ਕਿਸੇ ਸਾਧਨ ਦਾ ਨਾਂ ਬਹੁਤ ਲੰਮਾ ਹੈ।
program-bad-plan-numbers = { $instrument }: ਮੀਟਿੰਗ ਨੰਬਰ ਅਤੇ ਹਫ਼ਤੇ ਕਾਮਿਆਂ ਨਾਲ ਵੱਖ ਕੀਤੇ ਪੂਰੇ ਅੰਕਾਂ ਵਿੱਚ ਲਿਖੋ, 1 ਤੋਂ 520 ਤੱਕ।
program-bad-plan-empty = { $instrument }: ਇਸ ਦੇ ਮੁਲਾਂਕਣ ਲਈ ਘੱਟੋ-ਘੱਟ ਇੱਕ ਸਮਾਂ ਚੁਣੋ।
outcome-due = ਬਾਕੀ ਮੁਲਾਂਕਣ
sessions-assessments = ਬਾਕੀ ਮੁਲਾਂਕਣ
sessions-assessments-due = { $group }: { $count ->
    [one] ਇੱਕ ਮੁਲਾਂਕਣ ਬਾਕੀ
   *[other] { $count } ਮੁਲਾਂਕਣ ਬਾਕੀ
}
