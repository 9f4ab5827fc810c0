# SMS, English. Plain and short: organizations pay per segment (160 letters, or 70 in
# scripts beyond the GSM alphabet). Replies are words, not links.

# $weekday, $day, $month (no year: a reminder is about the coming days)
date-short = { $weekday }, { $month } { $day }
sms-reminder = Reminder: { $group }, { $date } at { $time }.
sms-place = Place: { $venue }.
sms-changed = New time: { $group }, { $date } at { $time }.
sms-cancelled = Cancelled: { $group }, { $date } at { $time }. You do not need to come.
sms-cant-come = Can't come? Reply NO or 2.
sms-stop = Reply STOP for no more SMS.
# Replies that mean "I can't come" in this language, separated by spaces. NO and 2 always work.
sms-no-words = NO
# Replies that mean "stop sending me SMS", separated by spaces. STOP always works.
sms-stop-words = STOP
sms-absence-received = Thank you. We told { $group } you cannot come on { $date }.
sms-stopped = You will get no more SMS from us. Reply START to get them again.
