## Training courses (cohorts).

cohort-title = Training course
cohort-new = Start a training course
cohort-starts = Starts on
cohort-ends = Ends on (optional)
cohort-trainers-field = Trainers (one per line)
cohort-modules-field = Modules it teaches
cohort-created = The course is started. Add its trainees and sessions.
cohort-trainees-saved = The trainees are changed.
cohort-session-added = The session is added.
cohort-attendance-saved = Attendance is saved.
cohort-dates = From { $from } to { $to }
cohort-from = From { $date }
cohort-trainers = Trainers: { $names }
cohort-modules = Modules: { $titles }
cohort-progress = { $sessions ->
    [one] Came to 1 session, { $hours } hours
   *[other] Came to { $sessions } sessions, { $hours } hours
}
cohort-trainees-title = Trainees
cohort-no-trainees = No trainees yet. Find them by name below.
cohort-remove = Remove
cohort-find = Find a trainee by name, email or phone
cohort-add = Add as a trainee
cohort-sessions-title = Sessions and attendance
cohort-no-sessions = No sessions yet.
cohort-save-attendance = Save attendance
cohort-add-session = Add a session
cohort-session-hours = Hours
cohort-no-module = No module
cohort-topic = Topic (optional)
