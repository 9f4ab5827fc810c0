# नेपालीमा SMS: छोटो र सजिलो, एक भागमा ७० अक्षर।

date-short = { $month } { $day }, { $weekday }
sms-reminder = सम्झना: { $group }, { $date }, { $time } बजे।
sms-place = ठाउँ: { $venue }।
sms-changed = नयाँ समय: { $group }, { $date }, { $time } बजे।
sms-cancelled = रद्द: { $group }, { $date }, { $time } बजे। आउन पर्दैन।
sms-cant-come = आउन सक्नुहुन्न? होइन वा 2 पठाउनुहोस्।
sms-stop = SMS रोक्न STOP पठाउनुहोस्।
sms-no-words = होइन छैन
sms-stop-words = रोक
sms-absence-received = धन्यवाद। तपाईं { $date } मा आउन सक्नुहुन्न भनेर { $group } लाई भन्यौं।
sms-stopped = अब तपाईंलाई हामीबाट SMS आउने छैन। फेरि पाउन START पठाउनुहोस्।
