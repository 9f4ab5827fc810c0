program-plan = नतिजाको मूल्याङ्कन
program-plan-hint = यस कार्यक्रमका समूहहरूको मूल्याङ्कन गर्ने साधनहरू, र कहिले। एउटा हटाउन — छान्नुहोस्।
program-plan-instrument = साधन
program-plan-undefined = यो साधन तपाईंको संस्थामा अझै परिभाषित छैन। पहिलो मूल्याङ्कनअघि यसलाई परिभाषित गर्नुहोस्।
instrument-link = साधनहरू
field-plan-after = बैठक नम्बरपछि, उदाहरणका लागि 6
field-plan-weeks = अन्तिम बैठकपछिका हप्ता, उदाहरणका लागि 12, 24
program-bad-plan = एउटा साधनको नाम धेरै लामो छ।
program-bad-plan-numbers = { $instrument }: बैठक नम्बर र हप्ताहरू अल्पविरामले छुट्याइएका पूर्ण सङ्ख्यामा लेख्नुहोस्, 1 देखि 520 सम्म।
program-bad-plan-empty = { $instrument }: मूल्याङ्कन गर्न कम्तीमा एउटा समय छान्नुहोस्।
outcome-due = बाँकी मूल्याङ्कनहरू
sessions-assessments = बाँकी मूल्याङ्कनहरू
sessions-assessments-due = { $group }: { $count ->
    [one] एउटा मूल्याङ्कन बाँकी
   *[other] { $count } मूल्याङ्कन बाँकी
}
