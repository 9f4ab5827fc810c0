card-link = کارت برنامه برای تمویل‌کنندگان
card-title = کارت برنامه: { $program }
card-csv = دانلود به شکل جدول (CSV)
card-suppression = برای همرسانی: شمارهای 1 تا 4 نشان داده نمی‌شوند، و نه هیچ رقمی که از آن‌ها به دست آید. نتایج تنها کسانی را می‌شمارند که با استفادهٔ پژوهشی موافقت کرده‌اند.
card-suppressed = کمتر از 5
card-table1 = برنامه
card-table2 = آنچه ارائه کرد و آنچه تغییر کرد
card-condition = وضعیت یا موضوع
card-setting = جای نشست گروه‌ها
card-group-size = اندازهٔ گروه
card-groups = گروه‌ها
card-participants = شرکت‌کنندگان
card-sessions-held = جلسه‌های برگزارشده
card-attendance = حضور
card-dose = میانگین جلسه‌هایی که هر شرکت‌کننده آمد
card-completed = برنامه را تمام کردند
card-completion = تکمیل
card-retention = ماندگاری
card-retention-words = { $sessions ->
    [0] هنوز جلسه‌ای برگزار نشده است.
   *[other] هنوز در آخرین جلسه از { $sessions } جلسهٔ برگزارشده می‌آیند: { $last }.
}
card-retention-at = هنوز در جلسهٔ برگزارشدهٔ { $session } می‌آیند
card-outcomes-title = نتایج
card-no-outcomes = برنامه هنوز هیچ نتیجهٔ تعریف‌شده‌ای را پیش‌بینی نکرده است.
card-paired-plot = امتیاز هر کس پیش و پس
card-funder-csv = ردیف‌های شرکت‌کنندگان برای تمویل‌کننده، بی‌نام، تنها کسانی که با استفادهٔ پژوهشی موافقت کرده‌اند (CSV)
