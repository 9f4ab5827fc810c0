# My training and My calendar, English.

nav-training = My training
nav-calendar = My calendar
not-a-facilitator = Your account is not linked to a facilitator yet. Ask your coordinator.
training-title = My training
training-done-title = Modules done
training-done-line = { $module }: { $date }
training-expired = no longer valid
training-none = No modules recorded yet.
training-roles-title = My roles
training-role-ready = { $group } ({ $role }): ready to lead
training-role-missing = { $group } ({ $role }): still needed: { $missing }
training-role-expiring = Renew soon: { $modules }
training-role-override = A coordinator allowed this role for now.
supervision-title = Supervision contacts
supervision-line = { $date }: { $minutes } minutes
supervision-none = No supervision contacts yet.
calendar-title = My calendar
calendar-intro = Your sessions can show in your phone's calendar, and stay up to date there. Make your private link, then add it to your calendar.
calendar-make = Make my calendar link
calendar-link-made = Your calendar link. It is shown only now, and it is private: do not share it.
calendar-open = Add to my calendar
calendar-android = Android (Google Calendar): on a computer, open calendar.google.com, choose "Other calendars", "+", "From URL", and paste the link.
calendar-iphone = iPhone: tap "Add to my calendar", or open Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar, and paste the link.
calendar-again = Making a new link stops the old one.

## The roll-call on a phone that may be offline
mark-pending = Not sent yet
mark-saved = Saved
mark-refused = Not accepted
mark-disagrees = { $by } marked: { $mark }
log-pending = The roll-call will be sent when there is signal again.

## Asking a coordinator to help with a call
escalate = Ask a coordinator to help with this call
escalated = The coordinators are told. They will contact you.
interpreter-for = An interpreter was there for { $language }
