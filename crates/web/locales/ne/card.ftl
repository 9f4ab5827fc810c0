card-link = दाताका लागि कार्यक्रम कार्ड
card-title = कार्यक्रम कार्ड: { $program }
card-csv = स्प्रेडसिटका रूपमा डाउनलोड गर्नुहोस् (CSV)
card-suppression = बाँड्नका लागि बनाइएको: 1 देखि 4 सम्मका सङ्ख्या देखाइँदैनन्, न त तिनबाट निकालिएका कुनै अङ्क। नतिजामा अनुसन्धान प्रयोगमा सहमति दिएका सहभागी मात्र गनिन्छन्।
card-suppressed = 5 भन्दा कम
card-table1 = कार्यक्रम
card-table2 = यसले के दियो र के बदलियो
card-condition = अवस्था वा विषय
card-setting = समूहहरू भेट्ने ठाउँ
card-group-size = समूहको आकार
card-groups = समूहहरू
card-participants = सहभागीहरू
card-sessions-held = भएका बैठकहरू
card-attendance = उपस्थिति
card-dose = प्रत्येक सहभागी औसतमा आएका बैठक
card-completed = कार्यक्रम पूरा गरे
card-completion = पूरा गर्ने दर
card-retention = निरन्तरता
card-retention-words = { $sessions ->
    [0] अहिलेसम्म कुनै बैठक भएको छैन।
   *[other] भएका { $sessions } बैठकमध्ये अन्तिममा अझै आउने: { $last }।
}
card-retention-at = भएको बैठक { $session } मा अझै आउने
card-outcomes-title = नतिजाहरू
card-no-outcomes = कार्यक्रमले अहिलेसम्म परिभाषित कुनै नतिजाको योजना गरेको छैन।
card-paired-plot = प्रत्येक व्यक्तिको अघि र पछिको अङ्क
card-funder-csv = दाताका लागि सहभागीका पङ्क्ति, पहिचान हटाइएका, अनुसन्धान प्रयोगमा सहमति दिनेका मात्र (CSV)
