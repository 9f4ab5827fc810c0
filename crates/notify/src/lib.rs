//! peergroup-notify: writing messages in each person's language (Fluent resources under
//! `locales/`, one folder per locale) and sending them (SMTP or `.eml` files; SMS through Kannel, Twilio or `.json` files).

pub mod links;
pub mod locale;
pub mod render;
pub mod sms;
pub mod transport;

pub use locale::{LOCALES, negotiate};
pub use render::{Block, Mail, Rendered, SessionInfo, render, render_in};
pub use transport::{Mailer, Outgoing, SendError};
