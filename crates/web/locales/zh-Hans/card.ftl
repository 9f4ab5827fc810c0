card-link = 供资助方查看的项目卡
card-title = 项目卡：{ $program }
card-csv = 下载为电子表格（CSV）
card-suppression = 供对外分享：1 到 4 的人数不显示，由这些人数得出的数字也不显示。成效只计入同意研究使用的参与者。
card-suppressed = 少于 5
card-table1 = 项目
card-table2 = 提供了什么，改变了什么
card-condition = 健康状况或议题
card-setting = 小组活动地点
card-group-size = 小组人数
card-groups = 小组
card-participants = 参与者
card-sessions-held = 已举行的活动
card-attendance = 出席率
card-dose = 每位参与者平均出席的活动次数
card-completed = 完成项目
card-completion = 完成率
card-retention = 保留率
card-retention-words = { $sessions ->
    [0] 尚未举行任何活动。
   *[other] 在已举行的 { $sessions } 次活动的最后一次仍来参加：{ $last }。
}
card-retention-at = 在已举行的第 { $session } 次活动仍来参加
card-outcomes-title = 成效
card-no-outcomes = 该项目尚未计划任何已定义的成效。
card-paired-plot = 每个人前后的分数
card-funder-csv = 供资助方使用的参与者数据行，已去除身份信息，只含同意研究使用者（CSV）
