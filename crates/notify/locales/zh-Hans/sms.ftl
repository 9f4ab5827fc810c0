# 中文短信：简短明了，每段70个字。

date-short = { $month }{ $day }日（{ $weekday }）
sms-reminder = 提醒：{ $group }，{ $date } { $time }。
sms-place = 地点：{ $venue }。
sms-changed = 时间已改：{ $group }，{ $date } { $time }。
sms-cancelled = 已取消：{ $group }，{ $date } { $time }。您不用来了。
sms-cant-come = 不能来？请回复“不”或2。
sms-stop = 回复STOP退订短信。
sms-no-words = 不 不能 不来
sms-stop-words = 退订 TD
sms-absence-received = 谢谢。我们已告诉{ $group }您{ $date }不能来。
sms-stopped = 您将不再收到我们的短信。如需重新接收，请回复START。
