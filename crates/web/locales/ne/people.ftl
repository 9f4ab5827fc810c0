# संयोजकहरूका लागि peergroup पेजहरू: सहभागीहरू, आयात र निर्यात। नेपाली (देवनागरी)।
# हरेक भाषामा हरेक key हुन्छ; एउटा test ले यो जाँच्छ। `code` मा लेखिएका कोलमका नाम अंग्रेजीमै रहन्छन्:
# CSV फाइलको पहिलो पङ्क्तिमा यिनै नाम हुनुपर्छ।

nav-participants = सहभागीहरू
nav-exports = निर्यात

## सहभागीहरू
participants-title = सहभागीहरू
participants-search = नाम, इमेल वा फोनबाट खोज्नुहोस्
participants-search-button = खोज्नुहोस्
participants-new = सहभागी थप्नुहोस्
participants-import = CSV फाइलबाट आयात गर्नुहोस्
participants-none = अहिलेसम्म कुनै सहभागी छैन।
participants-none-found = यो खोजसँग कोही मिलेन।
participants-more = पहिलो 50 जना मात्र देखाइएको छ। अरूलाई भेट्टाउन खोज्नुहोस्।
participant-title = सहभागी
participant-added = सेभ भयो। सहभागी थपियो।
new-participant-title = सहभागी थप्नुहोस्
participant-looks-like = यो व्यक्ति पहिले नै यहाँ हुन सक्छ:
participant-different = यो फरक व्यक्ति हो। जे भए पनि थप्नुहोस्।
participant-save = सेभ गर्नुहोस्
field-name = नाम
field-language = भाषा
field-language-hint = भाषाको कोड, जस्तै ar, fa-AF, uk वा zh-Hans।
field-email = इमेल
field-phone = फोन
field-phone-hint = देशको कोडसहित, जस्तै +1 604 555 0123।
field-channel = रिमाइन्डर पठाउने तरिका
field-alternative-contact = सन्देश पुर्‍याइदिन सक्ने अर्को व्यक्ति
field-consent-reminders = रिमाइन्डर पाउन सहमत
field-consent-calls = फोन कल पाउन सहमत
consent-legend = सहमति
consent-given-on = हो, { $date } देखि
consent-not-given = होइन
channel-none = कुनै रोजाइ छैन
channel-email = इमेल
channel-sms = टेक्स्ट सन्देश (SMS)
channel-phone = फोन कल
enrolments-title = समूहहरू
enrolments-none = अहिलेसम्म कुनै समूहमा छैन।
enrolment-waitlisted = प्रतीक्षा सूची
enrolment-enrolled = भर्ना भएको
enrolment-withdrawn = समूह छोडेको
enrolment-completed = पूरा गरेको
attendance-summary = आएको: { $attended } पटक। अनुपस्थित: { $absent } पटक। बिदा लिएको: { $excused } पटक।
attendance-line = बैठक { $number }, { $date }: { $status }
supports-title = सहयोग:
support-childcare = बालबालिकाको हेरचाह
support-transport = यातायात
support-interpreter = दोभाषे
support-food = खाना
support-financial = पैसाको सहयोग
support-other = अन्य सहयोग
support-status-requested = मागिएको
support-status-arranged = व्यवस्था भएको
support-status-declined = सम्भव छैन

## लेखिएको कुरामा समस्या
problem-missing = { $field }: यो छुटेको छ।
problem-invalid = { $field }: यो सही छैन।
problem-phone = फोन: + र देशको कोडसहित नम्बर लेख्नुहोस्, जस्तै +16045550123।
problem-language = भाषा: भाषाको कोड लेख्नुहोस्, जस्तै ar, fa-AF वा zh-Hans।
problem-channel-without-contact = रिमाइन्डर पठाउने तरिका: यसका लागि इमेल वा फोन छैन।
problem-reminders-without-contact = रिमाइन्डरका लागि इमेल वा फोन चाहिन्छ।
problem-calls-without-phone = फोन कलका लागि फोन नम्बर चाहिन्छ।

## आयात
import-title = सहभागीहरू आयात गर्नुहोस्
import-intro = UTF-8 मा सेभ गरिएको CSV फाइल छान्नुहोस्। पहिले हरेक पङ्क्तिमा के हुन्छ भनेर तपाईं देख्नुहुन्छ। तपाईंले पक्का नगरेसम्म केही सेभ हुँदैन। यहाँ पहिले नै भएका व्यक्तिहरू फेरि थपिँदैनन्।
import-file = CSV फाइल
import-check = फाइल जाँच गर्नुहोस्
import-columns-title = कोलमहरू
import-template = भर्नका लागि फाइल डाउनलोड गर्नुहोस्
column-name = व्यक्तिको नाम। अनिवार्य।
column-language = उहाँको भाषा, ar वा fa-AF जस्तो कोडमा। अनिवार्य।
column-email = इमेल।
column-phone = फोन, + र देशको कोडसहित।
column-channel = email, sms वा phone: उहाँले रिमाइन्डर कसरी पाउनुहुन्छ।
column-alternative-contact = सन्देश पुर्‍याइदिन सक्ने अर्को व्यक्ति।
column-consent-reminders = yes वा no: रिमाइन्डर पाउन सहमत।
column-consent-calls = yes वा no: फोन कल पाउन सहमत।
import-not-utf8 = यो फाइल UTF-8 मा छैन। आफ्नो स्प्रेडसिटमा यसलाई "CSV UTF-8" को रूपमा सेभ गर्नुहोस् र फेरि प्रयास गर्नुहोस्।
import-empty = यो फाइल खाली छ।
import-missing-column = फाइलमा "{ $column }" कोलम छैन। यसको पहिलो पङ्क्तिमा कोलमहरूको नाम हुनुपर्छ।
import-too-many-rows = फाइलमा { $count } भन्दा बढी पङ्क्ति छन्। यसलाई साना फाइलहरूमा बाँड्नुहोस्।
import-unreadable = लाइन { $line } देखि फाइल पढ्न सकिँदैन। उद्धरण चिन्ह छुटेको हुन सक्छ।
import-no-file = पहिले फाइल छान्नुहोस्।
import-preview-title = आयात जाँच गर्नुहोस्
import-done-title = आयात पूरा भयो
import-preview = थपिने: { $added }। पहिले नै यहाँ: { $there }। समस्या भएका पङ्क्ति: { $refused }।
import-done = थपियो: { $added }। पहिले नै यहाँ: { $there }। समस्या भएका, नथपिएका पङ्क्ति: { $refused }।
import-ignored-columns = यी कोलमहरू पढिँदैनन्: { $columns }
import-confirm = { $count } जना थप्नुहोस्
import-another = अर्को फाइल आयात गर्नुहोस्
import-rows-caption = फाइलका सबै पङ्क्तिहरू
import-line = लाइन
import-outcome = के हुन्छ
import-row-add = थपिनेछ
import-row-added = थपियो
import-row-there = पहिले नै यहाँ: { $name }
import-row-repeat = लाइन { $line } कै व्यक्ति

## निर्यात
exports-title = निर्यात
exports-intro = कुनै कार्यक्रम वा समूहका लागि CSV फाइलहरू डाउनलोड गर्नुहोस्। यी LibreOffice र Excel मा खुल्छन्। यिनमा व्यक्तिगत जानकारी हुन्छ: यिनलाई सुरक्षित राख्नुहोस् र काम सकिएपछि मेटाउनुहोस्।
exports-programs = कार्यक्रमहरू
exports-groups = समूहहरू
exports-none = अहिलेसम्म केही छैन।
export-participants = सहभागीहरू
export-attendance = हाजिरी
export-follow-ups = फलो-अप फोनहरू

## ड्यासबोर्ड
nav-dashboard = ड्यासबोर्ड
dashboard-title = ड्यासबोर्ड
dashboard-week = आउँदा 7 दिन
dashboard-week-count = योजना गरिएका बैठक: { $count }
dashboard-session = { $group }, बैठक { $number }
dashboard-missing = कमी: { $roles }
dashboard-gaps = चाहिने सहजकर्ता नभएका बैठकहरू
dashboard-gaps-none = हरेक बैठकमा चाहिने सहजकर्ताहरू छन्।
dashboard-follow-ups = फलो-अप फोनहरू
dashboard-open = खुला: { $count }
dashboard-overdue = ढिलो भएका: { $count }
dashboard-escalated = संयोजकलाई पठाइएका: { $count }
dashboard-follow-ups-link = फलो-अप फोनहरू हेर्नुहोस्
dashboard-training = तालिमको कमी
dashboard-training-none = हरेक सहजकर्तासँग उहाँका समूहलाई चाहिने तालिम छ।
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = आउँदा 7 दिनका लागि मिलाउनुपर्ने सहयोग
dashboard-supports-none = कुनै सहयोग चाहिँदैन।
dashboard-childcare = बालबालिकाको हेरचाहका ठाउँ: { $count }
dashboard-transport = तिर्नुपर्ने वा मिलाउनुपर्ने यात्रा: { $count }
dashboard-food = खानाको संख्या: { $count }
dashboard-interpreters = दोभाषे: { $languages }
dashboard-retention = हरेक समूहमा अझै रहेका सहभागीहरू
dashboard-retention-none = अहिलेसम्म कुनै सक्रिय समूह छैन।
dashboard-kept = { $all } मध्ये { $kept }
dashboard-more-groups = नदेखाइएका समूह: { $count }
field-consent-research = उहाँका मूल्याङ्कनको अनुसन्धानमा प्रयोग
