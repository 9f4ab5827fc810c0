## Messages: the log, sending again, and previews of reminders.

nav-messages = Messages
messages-title = Messages
messages-state = State
messages-show = Show
messages-all = All
messages-none = No messages here.
messages-retry = Send again
messages-retried = The message will be sent again in a moment.
messages-older = Older messages
messages-nobody = Nobody any more
messages-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}

message-kind-session_reminder = Reminder
message-kind-session_changed = Session moved
message-kind-session_cancelled = Session cancelled
message-kind-facilitator_reminder = Reminder to a facilitator
message-kind-absence_notice = "I can't come" notice
message-kind-follow_up_opened = Follow-up call to make
message-kind-follow_up_escalated = Overdue follow-up calls
message-kind-follow_up_assigned = Follow-up call assigned
message-kind-follow_up_handed_over = Help asked with a call
message-kind-roles_missing = Facilitators missing
message-kind-weekly_digest = Weekly summary
message-kind-invitation = Invitation
message-kind-password_reset = Password reset
message-kind-absence_confirmed = Absence confirmed by SMS
message-kind-sms_stopped = Last SMS after STOP

message-state-queued = Waiting
message-state-sent = Sent
message-state-delivered = Delivered
message-state-retrying = Trying again
message-state-dead = Failed
message-state-skipped = Not sent

mail-preview-title = Preview a reminder
mail-preview-link = Preview the reminders
mail-preview-of = Session:
mail-preview-kind = Message
mail-preview-locale = Language
mail-preview-show = Show
mail-preview-mail = The message
mail-preview-name = (their name)
mail-preview-note = This is a preview: nothing was sent. The real reminder carries each participant's own link.
mail-preview-missing = This message cannot be written in this language yet.
mail-preview-no-session = No session is coming up. Create a group first, then preview its reminders.
messages-sms-segments = { $count ->
    [one] SMS, 1 segment
   *[other] SMS, { $count } segments
}
messages-replies-title = Replies by SMS
messages-log-title = Messages sent
sms-reply-absence = Said they cannot come
sms-reply-stop = Asked for no more SMS
sms-reply-start = Asked for SMS again
sms-reply-coordinator = For you to read
