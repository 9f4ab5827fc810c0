# 供协调员使用的 peergroup 页面：机构的设置、项目的规则和
# 可打印的页面。简体中文。每种语言都有所有的键；有测试会检查。

nav-settings = 设置

## 机构的设置
settings-title = 设置
settings-admins-only = 只有管理员可以更改这些设置。
settings-quiet = 免打扰时段
settings-quiet-hint = 在这段时间内不发送提醒，按每个小组的当地时间计算。在这段时间内到期的提醒会等到时段结束再发送。两个时间相同表示没有免打扰时段。
settings-quiet-start = 从
settings-quiet-end = 到
settings-reply-to = 提醒的回复
settings-reply-to-hint = 机构邮件的回复会发到这个地址。留空：发到发件人地址。
settings-policy = 未完成培训的带领人
settings-policy-block = 不能被指派
settings-policy-override = 协调员说明原因后可以指派
settings-per-program = 连续缺席规则和发送提醒的时间按项目设置，在各项目的页面上。
settings-save = 保存设置
settings-saved = 已保存。
settings-bad-time = 请用时间填写免打扰时段，例如 21:00 和 08:00。
settings-bad-email = 回复地址不是邮箱地址。

## 项目的规则
program-rules = 电话和提醒
field-missed-threshold = 连续缺席多少次活动后打电话
field-participant-hours = 提前多少小时提醒参与者
field-facilitator-hours = 提前多少小时提醒带领人
field-hours-hint = 小时数，用逗号分隔，例如 168, 24。留空：不发提醒。
program-bad-threshold = 连续缺席次数必须是 1 到 20 之间的整数。
program-bad-hours = 请把小时数写成用逗号分隔的整数，范围是 1 到 672。

## 可打印的页面
print-button = 打印
print-sheet-link = 打印签到表
print-roster-link = 打印参与者名单
print-sheet-title = 签到表
print-roster-title = 参与者名单
print-name = 姓名
print-signature = 签名
print-language = 语言
print-phone = 电话
print-status = 状态
print-facilitators = 带领人
settings-organization = 机构
settings-name = 名称
settings-name-hint = 显示在邀请中以及打印页面的顶部。
settings-bad-name = 请填写机构名称（最多 200 个字符）。
settings-retention = 保留个人数据
settings-retention-months = 参与者的最后一个小组结束后，其数据保留的月数
settings-retention-hint = 留空则一直保留数据，直到有人删除。每天夜里，最后一个小组结束已超过这个月数的人，其数据会被删除；他们的出席情况和评估会保留，但不带姓名。
settings-bad-retention = 月数：请填写 1 到 120 之间的数字，或者留空。
settings-retention-due = 下一次夜间清理会删除以下人员的数据：
settings-retention-none-due = 下一次夜间清理不会删除任何人的数据。
