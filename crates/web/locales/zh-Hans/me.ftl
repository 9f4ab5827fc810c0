# My training and My calendar, Simplified Chinese.

nav-training = 我的培训
nav-calendar = 我的日历
not-a-facilitator = 您的账户还没有关联到带领人。请询问您的协调员。
training-title = 我的培训
training-done-title = 已完成的模块
training-done-line = { $module }：{ $date }
training-expired = 已失效
training-none = 还没有记录任何模块。
training-roles-title = 我的角色
training-role-ready = { $group }（{ $role }）：可以带领
training-role-missing = { $group }（{ $role }）：还需要：{ $missing }
training-role-expiring = 即将到期，请尽快更新：{ $modules }
training-role-override = 协调员暂时允许您担任这个角色。
supervision-title = 督导记录
supervision-line = { $date }：{ $minutes } 分钟
supervision-none = 还没有督导记录。
calendar-title = 我的日历
calendar-intro = 您的活动可以显示在手机日历中，并在那里保持更新。请先生成您的私人链接，然后把它添加到日历。
calendar-make = 生成我的日历链接
calendar-link-made = 这是您的日历链接。它只在现在显示，而且是私人的：请不要分享。
calendar-open = 添加到我的日历
calendar-android = Android（Google 日历）：在电脑上打开 calendar.google.com，选择“其他日历”、“+”、“通过网址添加”，然后粘贴链接。
calendar-iphone = iPhone：轻点“添加到我的日历”，或打开“设置”、“日历”、“账户”、“添加账户”、“其他”、“添加已订阅的日历”，然后粘贴链接。
calendar-again = 生成新链接后，旧链接会停止工作。

## The roll-call on a phone that may be offline
mark-pending = 尚未发送
mark-saved = 已保存
mark-refused = 未被接受
mark-disagrees = { $by } 标记为：{ $mark }
log-pending = 恢复信号后，点名将会发送。

## Asking a coordinator to help with a call
escalate = 请协调员帮忙处理这个电话
escalated = 已通知协调员。他们会联系您。
interpreter-for = 有 { $language } 口译员在场
