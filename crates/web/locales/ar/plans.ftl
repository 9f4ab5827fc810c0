program-plan = تقييمات النتائج
program-plan-hint = الأدوات التي تُقيَّم بها مجموعات هذا البرنامج، ومتى. اختر — لإزالة أداة.
program-plan-instrument = الأداة
program-plan-undefined = هذه الأداة غير معرّفة في منظمتك بعد. عرّفها قبل التقييم الأول.
instrument-link = الأدوات
field-plan-after = بعد الجلسة رقم، مثلًا 6
field-plan-weeks = أسابيع بعد الجلسة الأخيرة، مثلًا 12، 24
program-bad-plan = اسم إحدى الأدوات طويل جدًا.
program-bad-plan-numbers = { $instrument }: اكتب أرقام الجلسات والأسابيع أعدادًا صحيحة تفصل بينها فواصل، من 1 إلى 520.
program-bad-plan-empty = { $instrument }: اختر وقتًا واحدًا على الأقل لتقييمها.
outcome-due = تقييمات مستحقة
sessions-assessments = تقييمات مستحقة
sessions-assessments-due = { $group }: { $count ->
    [zero] لا تقييمات مستحقة
    [one] تقييم واحد مستحق
    [two] تقييمان مستحقان
    [few] { $count } تقييمات مستحقة
    [many] { $count } تقييمًا مستحقًا
   *[other] { $count } تقييم مستحق
}
