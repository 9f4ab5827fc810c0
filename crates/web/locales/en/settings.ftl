# peergroup pages for coordinators: the organization's settings, a program's rules, and
# pages to print. English. Every locale has every key; a test checks that.

nav-settings = Settings

## The organization's settings
settings-title = Settings
settings-admins-only = Only an admin can change these settings.
settings-quiet = Quiet hours
settings-quiet-hint = No reminder is sent between these times, in each group's own time. One due then waits until the end. The same time twice means no quiet hours.
settings-quiet-start = From
settings-quiet-end = Until
settings-reply-to = Replies to reminders
settings-reply-to-hint = Where replies to the organization's mail go. Empty: to the sender address.
settings-policy = A facilitator who has not finished the training
settings-policy-block = Cannot be assigned
settings-policy-override = Can be assigned by a coordinator who gives a reason
settings-per-program = The missed-session rule and when reminders go out are set for each program, on its page.
settings-save = Save the settings
settings-saved = Saved.
settings-bad-time = Write the quiet hours as times, such as 21:00 and 08:00.
settings-bad-email = The reply address is not an email address.

## A program's rules
program-rules = Calls and reminders
field-missed-threshold = Call after this many missed sessions in a row
field-participant-hours = Remind participants this many hours before
field-facilitator-hours = Remind facilitators this many hours before
field-hours-hint = Numbers of hours, separated by commas, for example 168, 24. Empty: no reminders.
program-bad-threshold = The number of missed sessions must be a whole number from 1 to 20.
program-bad-hours = Write the hours as whole numbers separated by commas, from 1 to 672.

## Pages to print
print-button = Print
print-sheet-link = Sign-in sheet to print
print-roster-link = Roster to print
print-sheet-title = Sign-in sheet
print-roster-title = Roster
print-name = Name
print-signature = Signature
print-language = Language
print-phone = Phone
print-status = Status
print-facilitators = Facilitators
settings-organization = The organization
settings-name = Name
settings-name-hint = Shown on invitations and at the top of printed pages.
settings-bad-name = Write the organization's name (at most 200 characters).
settings-retention = Keeping personal data
settings-retention-months = Months to keep a participant's data after their last group ends
settings-retention-hint = Leave it empty to keep the data until someone erases it. Every night, the data of people whose last group ended longer ago is erased; their attendance and scores stay without a name.
settings-bad-retention = Months: write a number from 1 to 120, or leave it empty.
settings-retention-due = The next nightly run erases the data of:
settings-retention-none-due = The next nightly run erases nobody's data.
