# My training and My calendar, Nepali (Devanagari).
# The calendar steps keep the English menu names: phone menus are often in English.

nav-training = मेरो तालिम
nav-calendar = मेरो क्यालेन्डर
not-a-facilitator = तपाईंको खाता अझै कुनै सहजकर्तासँग जोडिएको छैन। आफ्नो संयोजकलाई सोध्नुहोस्।
training-title = मेरो तालिम
training-done-title = पूरा भएका मोड्युलहरू
training-done-line = { $module }: { $date }
training-expired = अब मान्य छैन
training-none = अहिलेसम्म कुनै मोड्युल दर्ता भएको छैन।
training-roles-title = मेरा भूमिकाहरू
training-role-ready = { $group } ({ $role }): नेतृत्व गर्न तयार
training-role-missing = { $group } ({ $role }): अझै चाहिने: { $missing }
training-role-expiring = छिट्टै नवीकरण गर्नुहोस्: { $modules }
training-role-override = एक जना संयोजकले अहिलेका लागि यो भूमिकाको अनुमति दिनुभएको छ।
supervision-title = सुपरिवेक्षण भेटहरू
supervision-line = { $date }: { $minutes } मिनेट
supervision-none = अहिलेसम्म कुनै सुपरिवेक्षण भेट छैन।
calendar-title = मेरो क्यालेन्डर
calendar-intro = तपाईंका बैठकहरू तपाईंको फोनको क्यालेन्डरमा देखिन सक्छन्, र त्यहाँ सधैं अद्यावधिक रहन्छन्। आफ्नो निजी लिङ्क बनाउनुहोस्, अनि यसलाई आफ्नो क्यालेन्डरमा थप्नुहोस्।
calendar-make = मेरो क्यालेन्डर लिङ्क बनाउनुहोस्
calendar-link-made = यो तपाईंको क्यालेन्डर लिङ्क हो। यो अहिले मात्र देखाइन्छ, र यो निजी हो: यसलाई कसैलाई नदिनुहोस्।
calendar-open = मेरो क्यालेन्डरमा थप्नुहोस्
calendar-android = Android (Google Calendar): कम्प्युटरमा calendar.google.com खोल्नुहोस्, "Other calendars", "+", "From URL" छान्नुहोस्, र लिङ्क पेस्ट गर्नुहोस्।
calendar-iphone = iPhone: "मेरो क्यालेन्डरमा थप्नुहोस्" थिच्नुहोस्, वा Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar खोल्नुहोस्, र लिङ्क पेस्ट गर्नुहोस्।
calendar-again = नयाँ लिङ्क बनाउँदा पुरानो लिङ्कले काम गर्न छोड्छ।

## The roll-call on a phone that may be offline
mark-pending = अझै पठाइएको छैन
mark-saved = सेभ भयो
mark-refused = स्वीकार भएन
mark-disagrees = { $by } ले लगाएको: { $mark }
log-pending = फेरि सिग्नल आएपछि हाजिरी पठाइनेछ।

## Asking a coordinator to help with a call
escalate = यो फोनका लागि संयोजकसँग सहयोग माग्नुहोस्
escalated = संयोजकहरूलाई खबर गरियो। उहाँहरूले तपाईंलाई सम्पर्क गर्नुहुनेछ।
interpreter-for = { $language } का लागि दोभाषे उपस्थित हुनुहुन्थ्यो
