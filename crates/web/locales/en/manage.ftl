## The coordinators' other pages.

nav-manage = More
manage-title = More
manage-programs = The reviewed designs, and your programs: sessions, topics, the missed-session rule.
manage-facilitators = Training modules and courses, who is missing training, supervision.
manage-messages = Every reminder and notice sent, and any that failed. Preview a reminder in any language.
manage-access = Invite people to sign in, change their role, deactivate them. API tokens.
manage-exports = Participants, attendance and follow-up calls as spreadsheet files.
manage-settings = Quiet hours for reminders, where replies go, training rules.
manage-training = Your own training record.
manage-calendar = Your sessions in your phone's calendar.
