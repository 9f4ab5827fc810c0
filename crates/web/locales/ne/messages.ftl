## सन्देशहरू: सूची, फेरि पठाउने, र रिमाइन्डरको पूर्वावलोकन।

nav-messages = सन्देशहरू
messages-title = सन्देशहरू
messages-state = अवस्था
messages-show = देखाउनुहोस्
messages-all = सबै
messages-none = यहाँ कुनै सन्देश छैन।
messages-retry = फेरि पठाउनुहोस्
messages-retried = सन्देश केही बेरमा फेरि पठाइनेछ।
messages-older = पुराना सन्देशहरू
messages-nobody = अब कोही छैन
messages-attempts = प्रयास: { $count }

message-kind-session_reminder = रिमाइन्डर
message-kind-session_changed = बैठक सारियो
message-kind-session_cancelled = बैठक रद्द भयो
message-kind-facilitator_reminder = सहजकर्तालाई रिमाइन्डर
message-kind-absence_notice = "म आउन सक्दिनँ" सूचना
message-kind-follow_up_opened = गर्नुपर्ने फलो-अप फोन
message-kind-follow_up_escalated = ढिला भएका फलो-अप फोनहरू
message-kind-follow_up_assigned = फलो-अप फोन जिम्मा दिइयो
message-kind-follow_up_handed_over = फोनका लागि सहयोग मागियो
message-kind-roles_missing = सहजकर्ता कम छन्
message-kind-weekly_digest = साप्ताहिक सारांश
message-kind-invitation = निमन्त्रणा
message-kind-password_reset = पासवर्ड रिसेट
message-kind-absence_confirmed = SMS बाट अनुपस्थिति पुष्टि
message-kind-sms_stopped = STOP पछिको अन्तिम SMS

message-state-queued = पर्खँदै
message-state-sent = पठाइयो
message-state-delivered = पुग्यो
message-state-retrying = फेरि प्रयास हुँदै
message-state-dead = असफल
message-state-skipped = पठाइएन

mail-preview-title = रिमाइन्डरको पूर्वावलोकन
mail-preview-link = रिमाइन्डरहरूको पूर्वावलोकन
mail-preview-of = बैठक:
mail-preview-kind = सन्देश
mail-preview-locale = भाषा
mail-preview-show = देखाउनुहोस्
mail-preview-mail = सन्देश
mail-preview-name = (उहाँको नाम)
mail-preview-note = यो पूर्वावलोकन मात्र हो: केही पठाइएको छैन। साँचो रिमाइन्डरमा हरेक सहभागीको आफ्नै लिङ्क हुन्छ।
mail-preview-missing = यो सन्देश अझै यो भाषामा लेख्न सकिँदैन।
mail-preview-no-session = कुनै बैठक आउँदै छैन। पहिले समूह बनाउनुहोस्, अनि त्यसका रिमाइन्डर हेर्नुहोस्।
messages-sms-segments = SMS, भागहरू: { $count }
messages-replies-title = SMS बाट आएका जवाफ
messages-log-title = पठाइएका सन्देश
sms-reply-absence = आउन सक्दिन भन्नुभयो
sms-reply-stop = अब SMS नपठाउन भन्नुभयो
sms-reply-start = फेरि SMS पाउन भन्नुभयो
sms-reply-coordinator = तपाईंले पढ्नका लागि
