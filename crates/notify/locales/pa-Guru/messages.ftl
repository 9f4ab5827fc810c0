# peergroup messages, Punjabi (Gurmukhi script). Short sentences, Western digits, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = ਸੋਮਵਾਰ
weekday-2 = ਮੰਗਲਵਾਰ
weekday-3 = ਬੁੱਧਵਾਰ
weekday-4 = ਵੀਰਵਾਰ
weekday-5 = ਸ਼ੁੱਕਰਵਾਰ
weekday-6 = ਸ਼ਨਿੱਚਰਵਾਰ
weekday-7 = ਐਤਵਾਰ
month-1 = ਜਨਵਰੀ
month-2 = ਫ਼ਰਵਰੀ
month-3 = ਮਾਰਚ
month-4 = ਅਪ੍ਰੈਲ
month-5 = ਮਈ
month-6 = ਜੂਨ
month-7 = ਜੁਲਾਈ
month-8 = ਅਗਸਤ
month-9 = ਸਤੰਬਰ
month-10 = ਅਕਤੂਬਰ
month-11 = ਨਵੰਬਰ
month-12 = ਦਸੰਬਰ
# $weekday, $day, $month, $year
date-long = { $weekday }, { $day } { $month } { $year }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = ਪੂ.ਦੁ.
time-pm = ਬਾ.ਦੁ.

## Shared lines
greeting = ਸਤ ਸ੍ਰੀ ਅਕਾਲ { $name } ਜੀ,
signature = ਤੁਹਾਡੀ { $group } ਟੀਮ
place = ਥਾਂ: { $venue }
place-address = ਪਤਾ: { $address }
duration = ਮੀਟਿੰਗ { $minutes } ਮਿੰਟ ਚੱਲਦੀ ਹੈ।
support-childcare = ਤੁਹਾਡੇ ਲਈ ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ ਉਪਲਬਧ ਹੈ।
support-transport = ਤੁਹਾਡੇ ਲਈ ਆਉਣ-ਜਾਣ ਦਾ ਪ੍ਰਬੰਧ ਕੀਤਾ ਗਿਆ ਹੈ।
support-interpreter = ਉੱਥੇ ਤੁਹਾਡੇ ਲਈ ਇੱਕ ਦੁਭਾਸ਼ੀਆ ਹੋਵੇਗਾ।
support-food = ਖਾਣਾ ਦਿੱਤਾ ਜਾਵੇਗਾ।
support-other = ਤੁਹਾਡੇ ਲਈ ਹੋਰ ਮਦਦ ਦਾ ਪ੍ਰਬੰਧ ਕੀਤਾ ਗਿਆ ਹੈ।
cant-come-intro = ਨਹੀਂ ਆ ਸਕਦੇ? ਕਿਰਪਾ ਕਰਕੇ ਸਾਨੂੰ ਦੱਸੋ। ਇੱਥੇ ਦਬਾਓ:
cant-come-link = ਮੇਰਾ ਆਉਣਾ ਨਹੀਂ ਹੋ ਸਕਦਾ
unsubscribe-note = ਤੁਹਾਨੂੰ ਇਹ ਸੁਨੇਹੇ ਇਸ ਲਈ ਮਿਲਦੇ ਹਨ ਕਿਉਂਕਿ ਤੁਸੀਂ { $group } ਵਿੱਚ ਸ਼ਾਮਲ ਹੋਏ ਹੋ। ਇਹ ਸੁਨੇਹੇ ਬੰਦ ਕਰਨ ਲਈ ਆਪਣੇ ਗਰੁੱਪ ਲੀਡਰ ਨੂੰ ਦੱਸੋ।

## Session reminder, to a participant
session-reminder-subject = ਯਾਦ-ਦਹਾਨੀ: { $group }, { $date }
session-reminder-when = ਤੁਹਾਡਾ ਗਰੁੱਪ { $date } ਨੂੰ { $time } ਵਜੇ ਮਿਲਦਾ ਹੈ।

## A session was moved, to participants who were already reminded
session-changed-subject = ਨਵਾਂ ਸਮਾਂ: { $group }, { $date }
session-changed-when = ਸਮਾਂ ਬਦਲ ਗਿਆ ਹੈ। ਹੁਣ ਤੁਹਾਡਾ ਗਰੁੱਪ { $date } ਨੂੰ { $time } ਵਜੇ ਮਿਲਦਾ ਹੈ।

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = ਰੱਦ: { $group }, { $date }
session-cancelled-body = { $date } ਨੂੰ { $time } ਵਜੇ ਵਾਲੀ ਮੀਟਿੰਗ ਰੱਦ ਹੋ ਗਈ ਹੈ। ਤੁਹਾਨੂੰ ਆਉਣ ਦੀ ਲੋੜ ਨਹੀਂ ਹੈ।

## Session reminder, to a facilitator
facilitator-reminder-subject = ਤੁਸੀਂ { $date } ਨੂੰ { $group } ਦੀ ਅਗਵਾਈ ਕਰੋਗੇ
facilitator-reminder-when = ਤੁਸੀਂ { $date } ਨੂੰ { $time } ਵਜੇ ਵਾਲੀ ਮੀਟਿੰਗ ਦੀ ਅਗਵਾਈ ਕਰੋਗੇ।
facilitator-reminder-topic = ਵਿਸ਼ਾ: { $topic }
facilitator-reminder-roster = ਭਾਗੀਦਾਰ ({ $count }):
facilitator-reminder-supports = ਇਸ ਮਦਦ ਦਾ ਪ੍ਰਬੰਧ ਕਰਨਾ ਹੈ:
headcount-childcare = ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ (ਬੱਚਿਆਂ ਦੀ ਗਿਣਤੀ): { $children }
headcount-transport = ਆਉਣ-ਜਾਣ (ਲੋਕਾਂ ਦੀ ਗਿਣਤੀ): { $count }
headcount-interpreter = ਦੁਭਾਸ਼ੀਆ: { $languages }
headcount-food = ਖਾਣਾ (ਲੋਕਾਂ ਦੀ ਗਿਣਤੀ): { $count }
headcount-none = ਕਿਸੇ ਮਦਦ ਦੀ ਲੋੜ ਨਹੀਂ ਹੈ।
facilitator-reminder-absent = ਜਿਨ੍ਹਾਂ ਨੇ ਕਿਹਾ ਕਿ ਉਹ ਨਹੀਂ ਆ ਸਕਦੇ: { $count }

## To coordinators
follow-up-opened-subject = { $group } ਵਿੱਚ ਫਾਲੋ-ਅੱਪ ਕਾਲ ਦੀ ਲੋੜ ਹੈ
follow-up-opened-body = { $group } ਵਿੱਚ ਇੱਕ ਭਾਗੀਦਾਰ ਦੀਆਂ ਲਗਾਤਾਰ { $misses } ਮੀਟਿੰਗਾਂ ਖੁੰਝ ਗਈਆਂ ਹਨ। ਹੁਣ ਇੱਕ ਫਾਲੋ-ਅੱਪ ਕਾਲ ਕਤਾਰ ਵਿੱਚ ਹੈ।
follow-up-opened-by-hand-body = ਇੱਕ ਕੋਆਰਡੀਨੇਟਰ ਨੇ { $group } ਵਿੱਚ ਇੱਕ ਭਾਗੀਦਾਰ ਲਈ ਫਾਲੋ-ਅੱਪ ਕਾਲ ਖੋਲ੍ਹੀ ਹੈ। ਹੁਣ ਇਹ ਕਤਾਰ ਵਿੱਚ ਹੈ।
follow-up-assigned-subject = { $group } ਵਿੱਚ ਤੁਹਾਡੇ ਲਈ ਇੱਕ ਫਾਲੋ-ਅੱਪ ਕਾਲ
follow-up-assigned-body = ਕਿਰਪਾ ਕਰਕੇ { $date } ਤੱਕ { $group } ਦੇ ਇੱਕ ਭਾਗੀਦਾਰ ਨੂੰ ਕਾਲ ਕਰੋ। ਕਿਸ ਨੂੰ ਕਾਲ ਕਰਨੀ ਹੈ, ਕਿਵੇਂ ਸੰਪਰਕ ਕਰਨਾ ਹੈ ਅਤੇ ਕਿਹੜੀਆਂ ਮੀਟਿੰਗਾਂ ਖੁੰਝੀਆਂ, ਇਹ ਦੇਖਣ ਲਈ peergroup ਵਿੱਚ ਕੰਮ ਖੋਲ੍ਹੋ।
follow-up-escalated-subject = { $group } ਵਿੱਚ ਫਾਲੋ-ਅੱਪ ਕਾਲ ਦਾ ਸਮਾਂ ਲੰਘ ਗਿਆ ਹੈ
follow-ups-escalated-subject = ਦੇਰੀ ਵਾਲੀਆਂ ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ: { $count }
follow-up-escalated-body = { $group } ਵਿੱਚ ਇੱਕ ਫਾਲੋ-ਅੱਪ ਕਾਲ { $date } ਨੂੰ ਕਰਨੀ ਸੀ। ਅਜੇ ਤੱਕ ਕਿਸੇ ਨੇ ਕਾਲ ਨਹੀਂ ਕੀਤੀ।
roles-missing-subject = ਸੰਚਾਲਕਾਂ ਦੀ ਘਾਟ: { $group }, { $date }
roles-missing-body = { $date } ਨੂੰ { $time } ਵਜੇ ਵਾਲੀ ਮੀਟਿੰਗ ਲਈ ਲੋੜੀਂਦੇ ਸੰਚਾਲਕ ਨਹੀਂ ਹਨ: { $missing }।
weekly-digest-subject = ਤੁਹਾਡਾ ਅਗਲਾ ਹਫ਼ਤਾ: { $org }
weekly-digest-sessions = ਅਗਲੇ ਹਫ਼ਤੇ ਦੀਆਂ ਮੀਟਿੰਗਾਂ: { $count }
weekly-digest-open = ਬਾਕੀ ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ: { $count }
weekly-digest-overdue = ਸਮਾਂ ਲੰਘ ਚੁੱਕੀਆਂ ਫਾਲੋ-ਅੱਪ ਕਾਲਾਂ: { $count }
weekly-digest-supports = ਅਗਲੇ ਹਫ਼ਤੇ ਦੀ ਮਦਦ। ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ (ਬੱਚਿਆਂ ਦੀ ਗਿਣਤੀ): { $children }। ਆਉਣ-ਜਾਣ (ਲੋਕਾਂ ਦੀ ਗਿਣਤੀ): { $transport }। ਖਾਣਾ (ਲੋਕਾਂ ਦੀ ਗਿਣਤੀ): { $food }।
weekly-digest-interpreters = ਅਗਲੇ ਹਫ਼ਤੇ ਦੇ ਦੁਭਾਸ਼ੀਏ: { $languages }
queue-link = ਵੇਰਵੇ ਦੇਖਣ ਲਈ peergroup ਖੋਲ੍ਹੋ।

## The "I can't come" page
absence-page-title = ਮੇਰਾ ਆਉਣਾ ਨਹੀਂ ਹੋ ਸਕਦਾ
absence-page-question = ਤੁਸੀਂ ਕਿਉਂ ਨਹੀਂ ਆ ਸਕਦੇ? ਇੱਕ ਚੁਣੋ।
absence-page-session = ਮੀਟਿੰਗ: { $date }, { $time } ਵਜੇ
absence-page-place = ਥਾਂ: { $venue }
absence-page-unknown = ਇਹ ਲਿੰਕ ਕੰਮ ਨਹੀਂ ਕਰਦਾ। ਜਾਂਚ ਕਰੋ ਕਿ ਇਹ ਪੂਰਾ ਕਾਪੀ ਹੋਇਆ ਹੈ, ਜਾਂ ਆਪਣੇ ਗਰੁੱਪ ਲੀਡਰ ਨੂੰ ਪੁੱਛੋ।
absence-page-choose = ਕਿਰਪਾ ਕਰਕੇ ਹੇਠਾਂ ਦਿੱਤੇ ਕਾਰਨਾਂ ਵਿੱਚੋਂ ਇੱਕ ਚੁਣੋ।
absence-reason-childcare = ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ ਨਹੀਂ
absence-reason-transport = ਆਉਣ-ਜਾਣ ਦਾ ਸਾਧਨ ਨਹੀਂ
absence-reason-work = ਕੰਮ
absence-reason-illness = ਬਿਮਾਰੀ
absence-reason-other = ਕੋਈ ਹੋਰ ਕਾਰਨ
absence-page-thanks = ਧੰਨਵਾਦ। ਅਸੀਂ ਤੁਹਾਡੇ ਗਰੁੱਪ ਲੀਡਰ ਨੂੰ ਦੱਸ ਦਿੱਤਾ ਹੈ। ਸਾਨੂੰ ਉਮੀਦ ਹੈ ਕਿ ਅਗਲੀ ਵਾਰ ਤੁਹਾਨੂੰ ਮਿਲਾਂਗੇ।
absence-page-expired = ਇਹ ਲਿੰਕ ਹੁਣ ਕੰਮ ਨਹੀਂ ਕਰਦਾ।

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = ਇੱਕ ਭਾਗੀਦਾਰ ਦਾ { $date } ਨੂੰ ਆਉਣਾ ਨਹੀਂ ਹੋ ਸਕਦਾ
absence-notice-body = { $name } ਨੇ ਸਾਨੂੰ ਦੱਸਿਆ ਕਿ ਉਨ੍ਹਾਂ ਦਾ { $date } ਨੂੰ { $time } ਵਜੇ ਵਾਲੀ ਮੀਟਿੰਗ ਵਿੱਚ ਆਉਣਾ ਨਹੀਂ ਹੋ ਸਕਦਾ।
absence-notice-reason = ਕਾਰਨ: { $reason }

## peergroup ਵਿੱਚ ਦਾਖਲ ਹੋਵੋ
invitation-subject = ਤੁਹਾਨੂੰ peergroup ਵਿੱਚ ਸੱਦਾ ਹੈ ({ $org })
invitation-body = { $org } ਤੁਹਾਨੂੰ peergroup ਵਿੱਚ ਸੱਦਾ ਦਿੰਦਾ ਹੈ, ਜਿੱਥੇ ਤੁਸੀਂ ਆਪਣੇ ਸੈਸ਼ਨ ਅਤੇ ਕਾਲਾਂ ਵੇਖੋਗੇ। ਦਾਖਲ ਹੋਣ ਲਈ ਪਾਸਵਰਡ ਚੁਣੋ।
invitation-link = ਮੇਰਾ ਪਾਸਵਰਡ ਚੁਣੋ
invitation-expiry = ਇਹ ਲਿੰਕ ਇੱਕ ਵਾਰ, { $days } ਦਿਨਾਂ ਲਈ ਚੱਲਦਾ ਹੈ।
password-reset-subject = ਤੁਹਾਡਾ ਨਵਾਂ peergroup ਪਾਸਵਰਡ
password-reset-body = ਕਿਸੇ ਨੇ ਤੁਹਾਡਾ peergroup ਪਾਸਵਰਡ ਬਦਲਣ ਲਈ ਕਿਹਾ। ਇੱਥੇ ਨਵਾਂ ਪਾਸਵਰਡ ਚੁਣੋ:
password-reset-link = ਨਵਾਂ ਪਾਸਵਰਡ ਚੁਣੋ
password-reset-expiry = ਇਹ ਲਿੰਕ ਇੱਕ ਵਾਰ, { $minutes } ਮਿੰਟਾਂ ਲਈ ਚੱਲਦਾ ਹੈ।
sign-in-ignore = ਜੇ ਤੁਸੀਂ ਇਸ ਈਮੇਲ ਦੀ ਉਮੀਦ ਨਹੀਂ ਕਰ ਰਹੇ ਸੀ, ਤਾਂ ਇਸਨੂੰ ਅਣਡਿੱਠਾ ਕਰ ਸਕਦੇ ਹੋ।
follow-up-handed-over-subject = ਇੱਕ ਸਹਾਇਕ ਮਦਦ ਮੰਗਦਾ ਹੈ: { $group }
follow-up-handed-over-body = { $group } ਦਾ ਇੱਕ ਸਹਾਇਕ ਫਾਲੋ-ਅੱਪ ਕਾਲ ਲਈ ਕੋਆਰਡੀਨੇਟਰ ਤੋਂ ਮਦਦ ਮੰਗਦਾ ਹੈ।
