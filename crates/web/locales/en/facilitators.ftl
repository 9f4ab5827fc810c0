## Facilitators and training, for coordinators.

nav-facilitators = Facilitators and training
fac-title = Facilitators and training
fac-person-title = Facilitator
fac-everyone = Everyone who facilitates
fac-none = Nobody is assigned to a group yet.
fac-back = All facilitators and training
fac-training-gaps = Missing training
fac-training-no-gaps = Everyone has the training their groups need.
fac-training-overridden = Assigned anyway, with a reason
fac-training-missing = Missing:
fac-training-expiring = Runs out before the group ends:
fac-training-sessions-short = { $count ->
    [one] 1 coming session is short of facilitators
   *[other] { $count } coming sessions are short of facilitators
}
fac-supervision-title = Supervision of peer facilitators
fac-supervision-hint = A peer facilitator with no supervision contact in 4 weeks is overdue.
fac-supervision-no-peers = No peer facilitator leads an active group.
fac-supervision-last = Last supervision: { $date }
fac-supervision-never = No supervision yet
fac-supervision-overdue = Overdue
fac-training-modules = Training modules
fac-training-no-modules = No training modules yet.
fac-training-add-module = Add a module
fac-training-module-title = Title
fac-training-module-hours = Hours (if known)
fac-training-module-format = How it is taught
fac-training-module-months = Months it stays valid (empty: always)
fac-training-module-added = The module is added.
fac-training-hours = { $hours } hours
fac-training-no-hours = hours not given
fac-training-format-in_person = in person
fac-training-format-online = online
fac-training-format-blended = in person and online
fac-training-format-self_study = self-study
fac-training-valid-months = valid { $months } months
fac-training-cohorts = Training courses
fac-training-no-cohorts = No training courses yet.
fac-cohort-trainees = { $count ->
    [one] 1 trainee
   *[other] { $count } trainees
}
fac-cohort-sessions = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
fac-training-groups = Their groups
fac-training-no-groups = Not assigned to an active group.
fac-training-ready = Has the training this role needs.
fac-training-completions = Training completed
fac-training-no-completions = No training recorded yet.
fac-training-not-valid = No longer valid
fac-training-record = Record a completed module
fac-training-module = Module
fac-training-completed-field = Completed on
fac-training-hours-hint = Empty: the module's hours.
fac-training-trainer = Trainer (optional)
fac-training-completed-on = Completed on { $date }
fac-training-valid-until = valid until { $date }
fac-training-completion-saved = The training is recorded.
fac-supervision-log = Supervision log
fac-supervision-no-contacts = No supervision contact logged yet.
fac-supervision-follow-up = Needs follow-up
fac-supervision-add = Log a supervision contact
fac-supervision-mentor = Mentor
fac-supervision-held-on = Date
fac-supervision-mode = How
fac-supervision-mode-meeting = Meeting
fac-supervision-mode-call = Call
fac-supervision-minutes-field = Minutes
fac-supervision-minutes = { $minutes } minutes
fac-supervision-topics = Topics (one per line)
fac-supervision-follow-up-field = Needs follow-up
fac-supervision-saved = The supervision contact is logged.
