## 消息：记录、重新发送和提醒预览。

nav-messages = 消息
messages-title = 消息
messages-state = 状态
messages-show = 显示
messages-all = 全部
messages-none = 这里没有消息。
messages-retry = 重新发送
messages-retried = 消息稍后会重新发送。
messages-older = 更早的消息
messages-nobody = 已无此人
messages-attempts = 尝试 { $count } 次

message-kind-session_reminder = 提醒
message-kind-session_changed = 活动已改期
message-kind-session_cancelled = 活动已取消
message-kind-facilitator_reminder = 给带领人的提醒
message-kind-absence_notice = “我来不了”通知
message-kind-follow_up_opened = 需要打的回访电话
message-kind-follow_up_escalated = 逾期的回访电话
message-kind-follow_up_assigned = 已指派的回访电话
message-kind-follow_up_handed_over = 请求协助打电话
message-kind-roles_missing = 缺少带领人
message-kind-weekly_digest = 每周摘要
message-kind-invitation = 邀请
message-kind-password_reset = 重设密码
message-kind-absence_confirmed = 短信确认缺席
message-kind-sms_stopped = STOP 后的最后一条短信

message-state-queued = 等待中
message-state-sent = 已发送
message-state-delivered = 已送达
message-state-retrying = 正在重试
message-state-dead = 失败
message-state-skipped = 未发送

mail-preview-title = 预览提醒
mail-preview-link = 预览提醒
mail-preview-of = 活动：
mail-preview-kind = 消息
mail-preview-locale = 语言
mail-preview-show = 显示
mail-preview-mail = 消息内容
mail-preview-name = （对方姓名）
mail-preview-note = 这只是预览：没有发送任何内容。真正的提醒带有每位参与者自己的链接。
mail-preview-missing = 这条消息暂时还不能用这种语言写出。
mail-preview-no-session = 近期没有活动。请先创建一个小组，再预览它的提醒。
messages-sms-segments = 短信，共 { $count } 段
messages-replies-title = 短信回复
messages-log-title = 已发送的消息
sms-reply-absence = 说不能来
sms-reply-stop = 要求不再发短信
sms-reply-start = 要求重新发短信
sms-reply-coordinator = 请您阅读
