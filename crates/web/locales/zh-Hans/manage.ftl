## 协调员的其他页面。

nav-manage = 更多
manage-title = 更多
manage-programs = 经审阅的方案和您的项目：活动、主题、缺席规则。
manage-facilitators = 培训模块和课程、谁缺少培训、督导。
manage-messages = 已发送的每条提醒和通知，以及发送失败的。用任何语言预览提醒。
manage-access = 邀请人员登录、更改角色、停用账户。API 令牌。
manage-exports = 参与者、出勤和回访电话的电子表格文件。
manage-settings = 提醒的免打扰时段、回复发往何处、培训规则。
manage-training = 您自己的培训记录。
manage-calendar = 在手机日历中查看您的活动。
