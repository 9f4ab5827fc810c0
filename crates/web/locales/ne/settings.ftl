# संयोजकहरूका लागि peergroup पेजहरू: संस्थाका सेटिङ, कार्यक्रमका नियम, र प्रिन्ट गर्ने पेजहरू। नेपाली (देवनागरी)।
# हरेक भाषामा हरेक key हुन्छ; एउटा test ले यो जाँच्छ।

nav-settings = सेटिङ

## संस्थाका सेटिङ
settings-title = सेटिङ
settings-admins-only = यी सेटिङ एडमिनले मात्र बदल्न सक्नुहुन्छ।
settings-quiet = शान्त समय
settings-quiet-hint = यी दुई समयको बीचमा कुनै रिमाइन्डर पठाइँदैन, हरेक समूहको आफ्नै स्थानीय समयअनुसार। यो बेला पठाउनुपर्ने रिमाइन्डर शान्त समय सकिएपछि जान्छ। दुवै समय एउटै भए शान्त समय हुँदैन।
settings-quiet-start = कहिलेदेखि
settings-quiet-end = कहिलेसम्म
settings-reply-to = रिमाइन्डरका जवाफ
settings-reply-to-hint = संस्थाका इमेलको जवाफ जाने ठेगाना। खाली भए: पठाउनेको ठेगानामा जान्छ।
settings-policy = तालिम पूरा नगरेका सहजकर्ता
settings-policy-block = जिम्मा दिन मिल्दैन
settings-policy-override = कारण लेख्ने संयोजकले जिम्मा दिन सक्नुहुन्छ
settings-per-program = छुटेका बैठकको नियम र रिमाइन्डर पठाउने समय हरेक कार्यक्रमको आफ्नै पेजमा राखिन्छ।
settings-save = सेटिङ सेभ गर्नुहोस्
settings-saved = सेभ भयो।
settings-bad-time = शान्त समय घडीको समयमा लेख्नुहोस्, जस्तै 21:00 र 08:00।
settings-bad-email = जवाफको ठेगाना इमेल ठेगाना होइन।

## कार्यक्रमका नियम
program-rules = फोन र रिमाइन्डर
field-missed-threshold = लगातार यति बैठक छुटेपछि फोन गर्ने
field-participant-hours = सहभागीहरूलाई यति घण्टा अगाडि रिमाइन्डर पठाउने
field-facilitator-hours = सहजकर्ताहरूलाई यति घण्टा अगाडि रिमाइन्डर पठाउने
field-hours-hint = घण्टाका सङ्ख्या, अल्पविरामले छुट्याएर, जस्तै 168, 24। खाली भए: रिमाइन्डर पठाइँदैन।
program-bad-threshold = छुटेका बैठकको सङ्ख्या 1 देखि 20 सम्मको पूर्ण सङ्ख्या हुनुपर्छ।
program-bad-hours = घण्टा अल्पविरामले छुट्याएका पूर्ण सङ्ख्यामा लेख्नुहोस्, 1 देखि 672 सम्म।

## प्रिन्ट गर्ने पेजहरू
print-button = प्रिन्ट गर्नुहोस्
print-sheet-link = प्रिन्ट गर्ने हाजिरी पाना
print-roster-link = प्रिन्ट गर्ने सहभागी सूची
print-sheet-title = हाजिरी पाना
print-roster-title = सहभागी सूची
print-name = नाम
print-signature = सही
print-language = भाषा
print-phone = फोन
print-status = स्थिति
print-facilitators = सहजकर्ताहरू
settings-organization = संस्था
settings-name = नाम
settings-name-hint = निमन्त्रणाहरूमा र छापिएका पृष्ठहरूको माथि देखिन्छ।
settings-bad-name = संस्थाको नाम लेख्नुहोस् (बढीमा २०० अक्षर)।
settings-retention = व्यक्तिगत जानकारी राख्ने अवधि
settings-retention-months = सहभागीको अन्तिम समूह सकिएपछि उहाँको जानकारी कति महिना राख्ने
settings-retention-hint = कसैले नमेटाएसम्म जानकारी राख्न यो खाली छोड्नुहोस्। हरेक रात, अन्तिम समूह यति महिनाभन्दा पहिले सकिएका व्यक्तिहरूको जानकारी मेटाइन्छ; उहाँहरूको हाजिरी र मूल्याङ्कन नाम बिना रहन्छन्।
settings-bad-retention = महिना: 1 देखि 120 सम्मको सङ्ख्या लेख्नुहोस्, वा खाली छोड्नुहोस्।
settings-retention-due = अर्को राति यी व्यक्तिहरूको जानकारी मेटाइन्छ:
settings-retention-none-due = अर्को राति कसैको जानकारी मेटाइँदैन।
