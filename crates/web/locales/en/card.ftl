card-link = Program card for funders
card-title = Program card: { $program }
card-csv = Download as a spreadsheet (CSV)
card-suppression = Made to be shared: counts from 1 to 4 are not shown, nor any figure drawn from them. Outcomes count only participants who agreed to research use.
card-suppressed = fewer than 5
card-table1 = The program
card-table2 = What it delivered and what changed
card-condition = Condition or issue
card-setting = Where groups meet
card-group-size = Group size
card-groups = Groups
card-participants = Participants
card-sessions-held = Sessions held
card-attendance = Attendance
card-dose = Sessions attended per participant, on average
card-completed = Completed the program
card-completion = Completion
card-retention = Retention
card-retention-words = { $sessions ->
    [0] No sessions held yet.
   *[other] Still coming at the last of { $sessions } sessions held: { $last }.
}
card-retention-at = Still coming at held session { $session }
card-outcomes-title = Outcomes
card-no-outcomes = The program plans no outcome that is defined yet.
card-paired-plot = Each person's score before and after
card-funder-csv = Participant rows for a funder, de-identified, only those who agreed to research use (CSV)
