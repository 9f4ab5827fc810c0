# peergroup messages, English. Short sentences, numerals, no idioms: readers may read little.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $weekday, $day, $month, $year
date-long = { $weekday }, { $month } { $day }, { $year }
# $hour24 (00-23), $hour12 (1-12), $minute (00-59), $ampm (from time-am or time-pm)
time = { $hour12 }:{ $minute } { $ampm }
time-am = AM
time-pm = PM

## Shared lines
greeting = Hello { $name },
signature = Your { $group } team
place = Place: { $venue }
place-address = Address: { $address }
duration = The session lasts { $minutes } minutes.
support-childcare = Childcare is available for you.
support-transport = Transport is arranged for you.
support-interpreter = An interpreter will be there for you.
support-food = Food is provided.
support-other = Other support is arranged for you.
cant-come-intro = Can't come? Please tell us. Tap here:
cant-come-link = I can't come
unsubscribe-note = You get these messages because you joined { $group }. To stop them, tell your group leader.

## Session reminder, to a participant
session-reminder-subject = Reminder: { $group } on { $date }
session-reminder-when = Your group meets on { $date } at { $time }.

## A session was moved, to participants who were already reminded
session-changed-subject = New time: { $group } on { $date }
session-changed-when = The time has changed. Your group now meets on { $date } at { $time }.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = Cancelled: { $group } on { $date }
session-cancelled-body = The session on { $date } at { $time } is cancelled. You do not need to come.

## Session reminder, to a facilitator
facilitator-reminder-subject = You lead { $group } on { $date }
facilitator-reminder-when = You lead the session on { $date } at { $time }.
facilitator-reminder-topic = Topic: { $topic }
facilitator-reminder-roster = Participants ({ $count }):
facilitator-reminder-supports = Supports to arrange:
headcount-childcare = Childcare: { $children } children
headcount-transport = Transport: { $count } people
headcount-interpreter = Interpreter: { $languages }
headcount-food = Food: { $count } people
headcount-none = No supports are needed.
facilitator-reminder-absent = Said they cannot come: { $count }

## To coordinators
follow-up-opened-subject = Follow-up call needed in { $group }
follow-up-opened-body = A participant in { $group } missed { $misses } sessions in a row. A follow-up call is now in the queue.
follow-up-opened-by-hand-body = A coordinator opened a follow-up call for a participant in { $group }. It is now in the queue.
follow-up-assigned-subject = A follow-up call for you in { $group }
follow-up-assigned-body = You are asked to call a participant of { $group } by { $date }. Open the task in peergroup to see who to call, how to reach them and the sessions they missed.
follow-up-escalated-subject = Overdue follow-up call in { $group }
follow-ups-escalated-subject = Overdue follow-up calls: { $count }
follow-up-escalated-body = A follow-up call in { $group } was due on { $date }. Nobody has called yet.
roles-missing-subject = Missing facilitators: { $group } on { $date }
roles-missing-body = The session on { $date } at { $time } does not have the facilitators it needs: { $missing }.
weekly-digest-subject = Your week ahead: { $org }
weekly-digest-sessions = Sessions next week: { $count }
weekly-digest-open = Open follow-up calls: { $count }
weekly-digest-overdue = Overdue follow-up calls: { $count }
weekly-digest-supports = Supports next week: childcare for { $children } children, transport for { $transport } people, food for { $food } people.
weekly-digest-interpreters = Interpreters next week: { $languages }
queue-link = Open peergroup to see the details.

## The "I can't come" page
absence-page-title = I can't come
absence-page-question = Why can't you come? Choose one.
absence-page-session = Session: { $date } at { $time }
absence-page-place = Place: { $venue }
absence-page-unknown = This link does not work. Check that it was copied whole, or ask your group leader.
absence-page-choose = Please choose one of the reasons below.
absence-reason-childcare = No childcare
absence-reason-transport = No transport
absence-reason-work = Work
absence-reason-illness = Illness
absence-reason-other = Other reason
absence-page-thanks = Thank you. We told your group leader. We hope to see you next time.
absence-page-expired = This link does not work any more.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = A participant cannot come on { $date }
absence-notice-body = { $name } told us they cannot come to the session on { $date } at { $time }.
absence-notice-reason = Reason: { $reason }

## Signing in to peergroup
invitation-subject = You are invited to peergroup ({ $org })
invitation-body = { $org } invites you to peergroup, where you will see your sessions and calls. Choose a password to sign in.
invitation-link = Choose my password
invitation-expiry = This link works once, for { $days } days.
password-reset-subject = Your new peergroup password
password-reset-body = Someone asked to change your peergroup password. Choose a new one here:
password-reset-link = Choose a new password
password-reset-expiry = This link works once, for { $minutes } minutes.
sign-in-ignore = If you did not expect this email, you can ignore it.
follow-up-handed-over-subject = A facilitator asks for help: { $group }
follow-up-handed-over-body = A facilitator of { $group } asks a coordinator to help with a follow-up call.
