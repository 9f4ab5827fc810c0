# peergroup messages, Nepali (Devanagari). Short sentences, Western digits, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = सोमबार
weekday-2 = मङ्गलबार
weekday-3 = बुधबार
weekday-4 = बिहीबार
weekday-5 = शुक्रबार
weekday-6 = शनिबार
weekday-7 = आइतबार
month-1 = जनवरी
month-2 = फेब्रुअरी
month-3 = मार्च
month-4 = अप्रिल
month-5 = मे
month-6 = जुन
month-7 = जुलाई
month-8 = अगस्ट
month-9 = सेप्टेम्बर
month-10 = अक्टोबर
month-11 = नोभेम्बर
month-12 = डिसेम्बर
# $weekday, $day, $month, $year
date-long = { $year } { $month } { $day }, { $weekday }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = पूर्वाह्न
time-pm = अपराह्न

## Shared lines
greeting = नमस्ते { $name },
signature = { $group } टोली
place = स्थान: { $venue }
place-address = ठेगाना: { $address }
duration = बैठक { $minutes } मिनेटको हुन्छ।
support-childcare = तपाईंको लागि बालबालिकाको हेरचाह उपलब्ध छ।
support-transport = तपाईंको लागि यातायातको व्यवस्था गरिएको छ।
support-interpreter = त्यहाँ तपाईंको लागि दोभाषे हुनुहुनेछ।
support-food = खानाको व्यवस्था गरिएको छ।
support-other = तपाईंको लागि अन्य सहयोगको व्यवस्था गरिएको छ।
cant-come-intro = आउन सक्नुहुन्न? कृपया हामीलाई भन्नुहोस्। यहाँ थिच्नुहोस्:
cant-come-link = म आउन सक्दिनँ
unsubscribe-note = तपाईं { $group } मा सामेल हुनुभएकोले यी सन्देशहरू पाउनुहुन्छ। यी सन्देशहरू रोक्न आफ्नो समूहको नेतालाई भन्नुहोस्।

## Session reminder, to a participant
session-reminder-subject = सम्झना: { $group }, { $date }
session-reminder-when = तपाईंको समूह { $date }, { $time } बजे भेला हुन्छ।

## A session was moved, to participants who were already reminded
session-changed-subject = नयाँ समय: { $group }, { $date }
session-changed-when = समय बदलिएको छ। अब तपाईंको समूह { $date }, { $time } बजे भेला हुन्छ।

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = रद्द: { $group }, { $date }
session-cancelled-body = { $date }, { $time } बजेको बैठक रद्द भएको छ। तपाईं आउनु पर्दैन।

## Session reminder, to a facilitator
facilitator-reminder-subject = तपाईंले { $group } सञ्चालन गर्नुहुनेछ: { $date }
facilitator-reminder-when = तपाईंले { $date }, { $time } बजेको बैठक सञ्चालन गर्नुहुनेछ।
facilitator-reminder-topic = विषय: { $topic }
facilitator-reminder-roster = सहभागीहरू ({ $count }):
facilitator-reminder-supports = व्यवस्था गर्नुपर्ने सहयोग:
headcount-childcare = बालबालिकाको हेरचाह: { $children } जना बच्चा
headcount-transport = यातायात: { $count } जना
headcount-interpreter = दोभाषे: { $languages }
headcount-food = खाना: { $count } जना
headcount-none = कुनै सहयोग चाहिँदैन।
facilitator-reminder-absent = आउन सक्दिनँ भनेका: { $count } जना

## To coordinators
follow-up-opened-subject = { $group } मा फलो-अप फोन गर्नुपर्छ
follow-up-opened-body = { $group } का एक जना सहभागी लगातार { $misses } वटा बैठकमा आउनुभएन। अब फलो-अप फोन सूचीमा राखिएको छ।
follow-up-opened-by-hand-body = एक संयोजकले { $group } का एक जना सहभागीका लागि फलो-अप फोन खोल्नुभयो। अब यो सूचीमा छ।
follow-up-assigned-subject = { $group } मा तपाईंका लागि एउटा फलो-अप फोन
follow-up-assigned-body = कृपया { $date } सम्ममा { $group } का एक जना सहभागीलाई फोन गर्नुहोस्। कसलाई फोन गर्ने, कसरी सम्पर्क गर्ने र उहाँ कुन बैठकमा आउनुभएन भनेर हेर्न peergroup मा काम खोल्नुहोस्।
follow-up-escalated-subject = { $group } मा फलो-अप फोन गर्न ढिलो भयो
follow-ups-escalated-subject = ढिला भएका फलो-अप फोनहरू: { $count }
follow-up-escalated-body = { $group } मा एउटा फलो-अप फोन { $date } मा गर्नुपर्ने थियो। अहिलेसम्म कसैले फोन गरेको छैन।
roles-missing-subject = सहजकर्ताको कमी: { $group }, { $date }
roles-missing-body = { $date }, { $time } बजेको बैठकमा चाहिने सहजकर्ताहरू छैनन्: { $missing }।
weekly-digest-subject = तपाईंको आउँदो हप्ता: { $org }
weekly-digest-sessions = अर्को हप्ताका बैठकहरू: { $count }
weekly-digest-open = बाँकी फलो-अप फोनहरू: { $count }
weekly-digest-overdue = ढिलो भएका फलो-अप फोनहरू: { $count }
weekly-digest-supports = अर्को हप्ताको सहयोग: { $children } जना बच्चाको हेरचाह, { $transport } जनाको लागि यातायात, { $food } जनाको लागि खाना।
weekly-digest-interpreters = अर्को हप्ताका दोभाषे: { $languages }
queue-link = विवरण हेर्न peergroup खोल्नुहोस्।

## The "I can't come" page
absence-page-title = म आउन सक्दिनँ
absence-page-question = तपाईं किन आउन सक्नुहुन्न? एउटा छान्नुहोस्।
absence-page-session = बैठक: { $date }, { $time } बजे
absence-page-place = ठाउँ: { $venue }
absence-page-unknown = यो लिङ्कले काम गर्दैन। यो पूरै कपी भएको छ कि छैन हेर्नुहोस्, वा आफ्नो समूहका अगुवालाई सोध्नुहोस्।
absence-page-choose = कृपया तलका कारणमध्ये एउटा छान्नुहोस्।
absence-reason-childcare = बालबालिकाको हेरचाह छैन
absence-reason-transport = यातायात छैन
absence-reason-work = काम
absence-reason-illness = बिरामी
absence-reason-other = अन्य कारण
absence-page-thanks = धन्यवाद। हामीले तपाईंको समूहको नेतालाई भनेका छौं। अर्को पटक तपाईंलाई भेट्ने आशा गर्छौं।
absence-page-expired = यो लिङ्क अब काम गर्दैन।

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = एक सहभागी { $date } मा आउन सक्नुहुन्न
absence-notice-body = { $name } ले हामीलाई भन्नुभयो कि उहाँ { $date }, { $time } बजेको बैठकमा आउन सक्नुहुन्न।
absence-notice-reason = कारण: { $reason }

## peergroup मा भित्र जानुहोस्
invitation-subject = तपाईंलाई peergroup मा निम्तो छ ({ $org })
invitation-body = { $org } ले तपाईंलाई peergroup मा निम्तो दिएको छ, जहाँ तपाईं आफ्ना सत्र र कलहरू देख्नुहुन्छ। भित्र जान पासवर्ड छान्नुहोस्।
invitation-link = मेरो पासवर्ड छान्नुहोस्
invitation-expiry = यो लिंक एक पटक, { $days } दिनसम्म चल्छ।
password-reset-subject = तपाईंको नयाँ peergroup पासवर्ड
password-reset-body = कसैले तपाईंको peergroup पासवर्ड बदल्न भन्यो। यहाँ नयाँ पासवर्ड छान्नुहोस्:
password-reset-link = नयाँ पासवर्ड छान्नुहोस्
password-reset-expiry = यो लिंक एक पटक, { $minutes } मिनेटसम्म चल्छ।
sign-in-ignore = तपाईंले यो इमेल अपेक्षा गर्नुभएको थिएन भने यसलाई बेवास्ता गर्न सक्नुहुन्छ।
follow-up-handed-over-subject = एक सहजकर्ताले सहयोग माग्नुभयो: { $group }
follow-up-handed-over-body = { $group } का एक सहजकर्ताले फलो-अप कलका लागि संयोजकसँग सहयोग माग्नुभयो।
