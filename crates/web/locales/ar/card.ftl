card-link = بطاقة البرنامج للجهات المموّلة
card-title = بطاقة البرنامج: { $program }
card-csv = نزّلها جدول بيانات (CSV)
card-suppression = معدّة للمشاركة: لا تظهر الأعداد من 1 إلى 4، ولا أي رقم مستخرج منها. لا تحسب النتائج إلا من وافقوا على الاستخدام البحثي.
card-suppressed = أقل من 5
card-table1 = البرنامج
card-table2 = ما قدّمه وما تغيّر
card-condition = الحالة أو القضية
card-setting = أين تجتمع المجموعات
card-group-size = حجم المجموعة
card-groups = المجموعات
card-participants = المشاركون
card-sessions-held = الجلسات المنعقدة
card-attendance = الحضور
card-dose = متوسط الجلسات التي حضرها كل مشارك
card-completed = أتمّوا البرنامج
card-completion = الإتمام
card-retention = الاستمرار
card-retention-words = { $sessions ->
    [0] لم تُعقد أي جلسة بعد.
   *[other] ما زالوا يحضرون في آخر الجلسات المنعقدة ({ $sessions }): { $last }.
}
card-retention-at = ما زالوا يحضرون في الجلسة المنعقدة { $session }
card-outcomes-title = النتائج
card-no-outcomes = لا يخطط البرنامج لأي نتيجة معرّفة بعد.
card-paired-plot = درجة كل شخص قبل وبعد
card-funder-csv = صفوف المشاركين لجهة مموّلة، بلا بيانات تعريفية، لمن وافقوا على الاستخدام البحثي فقط (CSV)
