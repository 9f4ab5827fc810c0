# peergroup messages, Simplified Chinese. Short sentences, Western digits, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = 星期一
weekday-2 = 星期二
weekday-3 = 星期三
weekday-4 = 星期四
weekday-5 = 星期五
weekday-6 = 星期六
weekday-7 = 星期日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
# $weekday, $day, $month, $year. Example: 2026年12月1日（星期二）
date-long = { $year }年{ $month }{ $day }日（{ $weekday }）
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = 上午
time-pm = 下午

## Shared lines
greeting = { $name }，您好：
signature = { $group }团队
place = 地点：{ $venue }
place-address = 地址：{ $address }
duration = 活动时长 { $minutes } 分钟。
support-childcare = 可以为您提供儿童看护。
support-transport = 已为您安排交通。
support-interpreter = 现场会有口译员为您服务。
support-food = 现场提供食物。
support-other = 已为您安排其他帮助。
cant-come-intro = 不能来吗？请告诉我们。请点这里：
cant-come-link = 我不能来
unsubscribe-note = 您收到这些消息，是因为您加入了 { $group }。如果不想再收到，请告诉您的小组负责人。

## Session reminder, to a participant
session-reminder-subject = 提醒：{ $group }，{ $date }
session-reminder-when = 您的小组在 { $date } { $time } 聚会。

## A session was moved, to participants who were already reminded
session-changed-subject = 时间变更：{ $group }，{ $date }
session-changed-when = 时间已变更。您的小组现在改在 { $date } { $time } 聚会。

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = 已取消：{ $group }，{ $date }
session-cancelled-body = { $date } { $time } 的活动已取消。您不需要来。

## Session reminder, to a facilitator
facilitator-reminder-subject = 您将在 { $date } 带领 { $group }
facilitator-reminder-when = 您将带领 { $date } { $time } 的活动。
facilitator-reminder-topic = 主题：{ $topic }
facilitator-reminder-roster = 参加者（{ $count }）：
facilitator-reminder-supports = 需要安排的支持：
headcount-childcare = 儿童看护：{ $children } 名儿童
headcount-transport = 交通：{ $count } 人
headcount-interpreter = 口译：{ $languages }
headcount-food = 食物：{ $count } 人
headcount-none = 不需要任何支持。
facilitator-reminder-absent = 表示不能来的人数：{ $count }

## To coordinators
follow-up-opened-subject = { $group } 需要回访电话
follow-up-opened-body = { $group } 的一位参加者已连续 { $misses } 次缺席活动。回访电话现已加入待办队列。
follow-up-opened-by-hand-body = 一位协调员为 { $group } 的一位参加者安排了回访电话。该电话现已加入待办队列。
follow-up-assigned-subject = { $group } 有一个需要您拨打的回访电话
follow-up-assigned-body = 请在 { $date } 之前致电 { $group } 的一位参加者。在 peergroup 中打开该任务，查看要联系谁、如何联系以及缺席了哪些活动。
follow-up-escalated-subject = { $group } 的回访电话已逾期
follow-ups-escalated-subject = 逾期的回访电话：{ $count }
follow-up-escalated-body = { $group } 的一个回访电话应在 { $date } 完成。目前还没有人打电话。
roles-missing-subject = 缺少带领人：{ $group }，{ $date }
roles-missing-body = { $date } { $time } 的活动缺少所需的带领人：{ $missing }。
weekly-digest-subject = 您的下周概览：{ $org }
weekly-digest-sessions = 下周活动：{ $count }
weekly-digest-open = 待处理的回访电话：{ $count }
weekly-digest-overdue = 逾期的回访电话：{ $count }
weekly-digest-supports = 下周支持：儿童看护 { $children } 名儿童，交通 { $transport } 人，食物 { $food } 人。
weekly-digest-interpreters = 下周口译：{ $languages }
queue-link = 请打开 peergroup 查看详情。

## The "I can't come" page
absence-page-title = 我不能来
absence-page-question = 您为什么不能来？请选择一项。
absence-page-session = 活动：{ $date } { $time }
absence-page-place = 地点：{ $venue }
absence-page-unknown = 此链接无效。请检查链接是否完整复制，或询问您的小组负责人。
absence-page-choose = 请从下面的原因中选择一个。
absence-reason-childcare = 没有人照看孩子
absence-reason-transport = 没有交通工具
absence-reason-work = 工作
absence-reason-illness = 生病
absence-reason-other = 其他原因
absence-page-thanks = 谢谢。我们已告诉您的小组负责人。希望下次见到您。
absence-page-expired = 此链接已失效。

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = 一位参与者不能来参加 { $date } 的活动
absence-notice-body = { $name } 告诉我们，不能来参加 { $date } { $time } 的活动。
absence-notice-reason = 原因：{ $reason }

## 登录 peergroup
invitation-subject = 您受邀使用 peergroup（{ $org }）
invitation-body = { $org } 邀请您使用 peergroup，您可以在那里查看您的小组活动和电话。请设置密码以登录。
invitation-link = 设置我的密码
invitation-expiry = 此链接只能使用一次，有效期 { $days } 天。
password-reset-subject = 您的 peergroup 新密码
password-reset-body = 有人请求更改您的 peergroup 密码。请在这里设置新密码：
password-reset-link = 设置新密码
password-reset-expiry = 此链接只能使用一次，有效期 { $minutes } 分钟。
sign-in-ignore = 如果您没有预料到这封邮件，可以忽略它。
follow-up-handed-over-subject = 一位带领人请求帮助：{ $group }
follow-up-handed-over-body = { $group } 的一位带领人请协调员帮忙处理一个回访电话。
