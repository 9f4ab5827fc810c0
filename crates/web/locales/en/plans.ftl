program-plan = Outcome assessments
program-plan-hint = The instruments this program's groups are assessed with, and when. Choose — to remove one.
program-plan-instrument = Instrument
program-plan-undefined = This instrument is not defined in your organization yet. Define it before the first assessment.
instrument-link = Instruments
field-plan-after = After session number, for example 6
field-plan-weeks = Weeks after the last session, for example 12, 24
program-bad-plan = An instrument's name is too long.
program-bad-plan-numbers = { $instrument }: write session numbers and weeks as whole numbers separated by commas, from 1 to 520.
program-bad-plan-empty = { $instrument }: choose at least one time to assess it.
outcome-due = Assessments due
sessions-assessments = Assessments due
sessions-assessments-due = { $group }: { $count ->
    [one] one assessment due
   *[other] { $count } assessments due
}
