# 供协调员使用的 peergroup 页面：参与者、导入和导出。简体中文。
# 每种语言都有所有的键；有测试会检查。`code` 中的列名保持英文：
# 它们是 CSV 文件第一行必须使用的名称。

nav-participants = 参与者
nav-exports = 导出

## 参与者
participants-title = 参与者
participants-search = 按姓名、邮箱或电话搜索
participants-search-button = 搜索
participants-new = 添加参与者
participants-import = 从 CSV 文件导入
participants-none = 还没有参与者。
participants-none-found = 没有人符合这次搜索。
participants-more = 只显示前 50 位。请搜索以找到其他人。
participant-title = 参与者
participant-added = 已保存。参与者已添加。
new-participant-title = 添加参与者
participant-looks-like = 此人可能已经在这里：
participant-different = 这是另一个人。仍然添加。
participant-save = 保存
field-name = 姓名
field-language = 语言
field-language-hint = 语言代码，例如 ar、fa-AF、uk 或 zh-Hans。
field-email = 邮箱
field-phone = 电话
field-phone-hint = 请包含国家代码，例如 +1 604 555 0123。
field-channel = 提醒方式
field-alternative-contact = 可以帮忙传话的其他人
field-consent-reminders = 同意接收提醒
field-consent-calls = 同意接听电话
consent-legend = 同意情况
consent-given-on = 是，自 { $date } 起
consent-not-given = 否
channel-none = 没有偏好
channel-email = 邮箱
channel-sms = 短信（SMS）
channel-phone = 电话
enrolments-title = 小组
enrolments-none = 还没有加入任何小组。
enrolment-waitlisted = 等候名单
enrolment-enrolled = 已加入
enrolment-withdrawn = 已退出小组
enrolment-completed = 已完成
attendance-summary = 出席 { $attended } 次。缺席 { $absent } 次。请假 { $excused } 次。
attendance-line = 第 { $number } 次活动，{ $date }：{ $status }
supports-title = 支持：
support-childcare = 儿童看护
support-transport = 交通
support-interpreter = 口译
support-food = 食物
support-financial = 经济帮助
support-other = 其他支持
support-status-requested = 已申请
support-status-arranged = 已安排
support-status-declined = 无法提供

## 填写内容的问题
problem-missing = { $field }：缺少此项。
problem-invalid = { $field }：此项不正确。
problem-phone = 电话：请写上 + 和国家代码，例如 +16045550123。
problem-language = 语言：请写语言代码，例如 ar、fa-AF 或 zh-Hans。
problem-channel-without-contact = 提醒方式：没有对应的邮箱或电话。
problem-reminders-without-contact = 提醒需要邮箱或电话。
problem-calls-without-phone = 打电话需要电话号码。

## 导入
import-title = 导入参与者
import-intro = 请选择保存为 UTF-8 的 CSV 文件。您会先看到每一行将如何处理。在您确认之前，不会保存任何内容。已经在这里的人不会被重复添加。
import-file = CSV 文件
import-check = 检查文件
import-columns-title = 列
import-template = 下载一个待填写的文件
column-name = 此人的姓名。必填。
column-language = 此人的语言，用代码填写，例如 ar 或 fa-AF。必填。
column-email = 邮箱。
column-phone = 电话，包含 + 和国家代码。
column-channel = email、sms 或 phone：此人接收提醒的方式。
column-alternative-contact = 可以帮忙传话的其他人。
column-consent-reminders = yes 或 no：是否同意接收提醒。
column-consent-calls = yes 或 no：是否同意接听电话。
import-not-utf8 = 此文件不是 UTF-8 格式。请在电子表格软件中把它另存为“CSV UTF-8”，然后再试。
import-empty = 此文件是空的。
import-missing-column = 文件中没有“{ $column }”列。文件第一行必须写出各列的名称。
import-too-many-rows = 文件超过 { $count } 行。请把它拆分成几个较小的文件。
import-unreadable = 从第 { $line } 行起无法读取文件。可能缺少一个引号。
import-no-file = 请先选择一个文件。
import-preview-title = 检查导入内容
import-done-title = 导入完成
import-preview = 将添加：{ $added }。已在这里：{ $there }。有问题的行：{ $refused }。
import-done = 已添加：{ $added }。已在这里：{ $there }。有问题、未添加的行：{ $refused }。
import-ignored-columns = 以下列不会被读取：{ $columns }
import-confirm = 添加 { $count } 人
import-another = 导入另一个文件
import-rows-caption = 文件中的每一行
import-line = 行
import-outcome = 处理结果
import-row-add = 将添加
import-row-added = 已添加
import-row-there = 已在这里：{ $name }
import-row-repeat = 与第 { $line } 行是同一个人

## 导出
exports-title = 导出
exports-intro = 下载某个项目或小组的 CSV 文件。可以用 LibreOffice 和 Excel 打开。文件中有个人信息：请妥善保管，用完后请删除。
exports-programs = 项目
exports-groups = 小组
exports-none = 还没有。
export-participants = 参与者
export-attendance = 出席情况
export-follow-ups = 回访电话

## 概览
nav-dashboard = 概览
dashboard-title = 概览
dashboard-week = 未来 7 天
dashboard-week-count = 已计划的活动：{ $count }
dashboard-session = { $group }，第 { $number } 次活动
dashboard-missing = 缺少：{ $roles }
dashboard-gaps = 缺少所需带领人的活动
dashboard-gaps-none = 每次活动都有所需的带领人。
dashboard-follow-ups = 回访电话
dashboard-open = 未完成：{ $count }
dashboard-overdue = 已逾期：{ $count }
dashboard-escalated = 已转给协调员：{ $count }
dashboard-follow-ups-link = 查看回访电话
dashboard-training = 培训缺口
dashboard-training-none = 每位带领人都已完成其小组所需的培训。
dashboard-training-gap = { $name }（{ $group }）：{ $missing }
dashboard-supports = 未来 7 天需要安排的支持
dashboard-supports-none = 不需要任何支持。
dashboard-childcare = 儿童看护名额：{ $count }
dashboard-transport = 需要支付或安排的交通：{ $count } 次
dashboard-food = 餐食：{ $count } 份
dashboard-interpreters = 口译：{ $languages }
dashboard-retention = 各小组仍在参加的参与者
dashboard-retention-none = 还没有进行中的小组。
dashboard-kept = { $kept } / { $all } 人
dashboard-more-groups = 未显示的小组：{ $count } 个
field-consent-research = 评估结果用于研究
