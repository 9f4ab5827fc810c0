# peergroup pages for coordinators: participants, import and export. English.
# Every locale has every key; a test checks that. Column names in `code` stay in English:
# they are the names a CSV file's first row must have.

nav-participants = Participants
nav-exports = Export

## Participants
participants-title = Participants
participants-search = Search by name, email or phone
participants-search-button = Search
participants-new = Add a participant
participants-import = Import from a CSV file
participants-none = No participants yet.
participants-none-found = Nobody matches this search.
participants-more = Only the first 50 are shown. Search to find others.
participant-title = Participant
participant-added = Saved. The participant is added.
new-participant-title = Add a participant
participant-looks-like = This person may already be here:
participant-different = This is a different person. Add them anyway.
participant-save = Save
field-name = Name
field-language = Language
field-language-hint = A language code, for example ar, fa-AF, uk or zh-Hans.
field-email = Email
field-phone = Phone
field-phone-hint = With the country code, for example +1 604 555 0123.
field-channel = Reminders by
field-alternative-contact = Someone else who can pass on a message
field-consent-reminders = Agrees to get reminders
field-consent-calls = Agrees to get phone calls
consent-legend = Consent
consent-given-on = Yes, since { $date }
consent-not-given = No
channel-none = No preference
channel-email = Email
channel-sms = Text message (SMS)
channel-phone = Phone call
enrolments-title = Groups
enrolments-none = Not in any group yet.
enrolment-waitlisted = Waiting list
enrolment-enrolled = Enrolled
enrolment-withdrawn = Left the group
enrolment-completed = Completed
attendance-summary = Came { $attended } times. Absent { $absent } times. Excused { $excused } times.
attendance-line = Session { $number }, { $date }: { $status }
supports-title = Supports:
support-childcare = Childcare
support-transport = Transport
support-interpreter = Interpreter
support-food = Food
support-financial = Money help
support-other = Other support
support-status-requested = asked for
support-status-arranged = arranged
support-status-declined = not possible

## Problems with what was written
problem-missing = { $field }: this is missing.
problem-invalid = { $field }: this is not right.
problem-phone = Phone: write the number with + and the country code, for example +16045550123.
problem-language = Language: write a language code, for example ar, fa-AF or zh-Hans.
problem-channel-without-contact = Reminders by: there is no email or phone for it.
problem-reminders-without-contact = Reminders need an email or a phone.
problem-calls-without-phone = Phone calls need a phone number.

## Import
import-title = Import participants
import-intro = Choose a CSV file saved as UTF-8. First you see what will happen to each row. Nothing is saved until you confirm. People who are already here are not added again.
import-file = CSV file
import-check = Check the file
import-columns-title = Columns
import-template = Download a file to fill in
column-name = The person's name. Required.
column-language = Their language, as a code such as ar or fa-AF. Required.
column-email = Email.
column-phone = Phone, with + and the country code.
column-channel = email, sms or phone: how they get reminders.
column-alternative-contact = Someone else who can pass on a message.
column-consent-reminders = yes or no: agrees to get reminders.
column-consent-calls = yes or no: agrees to get phone calls.
import-not-utf8 = This file is not UTF-8. In your spreadsheet, save it as "CSV UTF-8" and try again.
import-empty = This file is empty.
import-missing-column = The file has no column "{ $column }". Its first row must name the columns.
import-too-many-rows = The file has more than { $count } rows. Split it into smaller files.
import-unreadable = The file cannot be read from line { $line }. A quote mark may be missing.
import-no-file = Choose a file first.
import-preview-title = Check the import
import-done-title = Import done
import-preview = To add: { $added }. Already here: { $there }. Rows with problems: { $refused }.
import-done = Added: { $added }. Already here: { $there }. Rows with problems, not added: { $refused }.
import-ignored-columns = These columns are not read: { $columns }
import-confirm = Add { $count } people
import-another = Import another file
import-rows-caption = Every row of the file
import-line = Line
import-outcome = What happens
import-row-add = Will be added
import-row-added = Added
import-row-there = Already here: { $name }
import-row-repeat = Same person as line { $line }

## Export
exports-title = Export
exports-intro = Download CSV files for a program or a group. They open in LibreOffice and Excel. They hold personal data: keep them safe and delete them when you are done.
exports-programs = Programs
exports-groups = Groups
exports-none = None yet.
export-participants = Participants
export-attendance = Attendance
export-follow-ups = Follow-up calls

## Dashboard
nav-dashboard = Dashboard
dashboard-title = Dashboard
dashboard-week = The next 7 days
dashboard-week-count = Sessions planned: { $count }
dashboard-session = { $group }, session { $number }
dashboard-missing = Missing: { $roles }
dashboard-gaps = Sessions without the facilitators they need
dashboard-gaps-none = Every session has the facilitators it needs.
dashboard-follow-ups = Follow-up calls
dashboard-open = Open: { $count }
dashboard-overdue = Late: { $count }
dashboard-escalated = Passed to a coordinator: { $count }
dashboard-follow-ups-link = See the follow-up calls
dashboard-training = Training gaps
dashboard-training-none = Every facilitator has the training their groups need.
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = Supports to arrange for the next 7 days
dashboard-supports-none = No supports are needed.
dashboard-childcare = Childcare places: { $count }
dashboard-transport = Trips to pay or arrange: { $count }
dashboard-food = Meals: { $count }
dashboard-interpreters = Interpreters: { $languages }
dashboard-retention = Participants still in each group
dashboard-retention-none = No active groups yet.
dashboard-kept = { $kept } of { $all }
dashboard-more-groups = Groups not shown: { $count }
field-consent-research = Research use of their assessments
