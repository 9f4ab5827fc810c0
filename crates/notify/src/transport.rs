//! Sending: SMTP through a connection pool, or `.eml` files in a folder when nothing is
//! installed. Failures are sorted into those worth retrying and those that are not.

use crate::render::Rendered;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, Message, Tokio1Executor};
use std::error::Error as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// One email, ready to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub from: String,
    pub reply_to: Option<String>,
    pub to_name: String,
    pub to_email: String,
    /// Stable across retries, so a receiving server or client can spot a resend.
    pub message_id: String,
    /// A `mailto:` or `https:` address, for participant mail.
    pub list_unsubscribe: Option<String>,
    pub rendered: Rendered,
}

/// Why a send failed, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// A busy or unreachable server, a timeout: try again later.
    #[error("{0}")]
    Transient(String),
    /// Refused for good (SMTP 5xx) or an address that cannot be written: do not retry.
    #[error("{0}")]
    Permanent(String),
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        timeout: Duration,
        /// Connections open at once: a message waiting for its end holds one.
        connections: Arc<Semaphore>,
    },
    File {
        dir: PathBuf,
    },
}

impl Mailer {
    /// The folder mail is written to instead of sent, if it is.
    pub fn outbox(&self) -> Option<&std::path::Path> {
        match self {
            Mailer::File { dir } => Some(dir),
            Mailer::Smtp { .. } => None,
        }
    }

    /// An SMTP pool for `url` (`smtp://` plain, `smtp://…?tls=required` STARTTLS,
    /// `smtps://` TLS; credentials as `user:password@`).
    pub fn smtp(url: &str, pool_size: u32, timeout: Duration) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("mail.smtp_url: {e}"))?
            .timeout(Some(timeout))
            .pool_config(PoolConfig::new().max_size(pool_size.max(1)))
            .build();
        Ok(Mailer::Smtp {
            transport,
            timeout,
            connections: Arc::new(Semaphore::new(pool_size.max(1) as usize)),
        })
    }

    /// Writes each message as `<random hex>.eml` under `dir`, creating it.
    pub fn file(dir: impl Into<PathBuf>) -> Result<Mailer, String> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Mailer::File { dir })
    }

    pub async fn send(&self, mail: &Outgoing) -> Result<(), SendError> {
        self.start(&build(mail)?).await?.finish().await
    }

    /// Gives the mail server all of a message but its end. Nothing is delivered until
    /// [`Started::finish`], so the moment the server takes the message (and a crash could
    /// send it twice) is one short exchange, not the whole conversation.
    pub async fn start<'a>(&'a self, mail: &'a Built) -> Result<Started<'a>, SendError> {
        match self {
            Mailer::Smtp {
                transport,
                timeout,
                connections,
            } => {
                let connection = connections
                    .clone()
                    .acquire_owned()
                    .await
                    .map_err(|_| SendError::Transient("shutting down".into()))?;
                // lettre's own timeout covers only connecting; a server that goes quiet
                // mid-conversation would hold the job forever.
                let send = tokio::time::timeout(
                    *timeout * 3,
                    transport.start_send(&mail.envelope, &mail.bytes),
                )
                .await
                .map_err(|_| stopped_answering())?
                .map_err(|e| classify(&e))?;
                Ok(Started::Smtp {
                    send: Box::new(send),
                    timeout: *timeout,
                    _connection: connection,
                })
            }
            Mailer::File { dir } => Ok(Started::File { dir, mail }),
        }
    }
}

fn stopped_answering() -> SendError {
    SendError::Transient("the mail server stopped answering".into())
}

/// A message the mail server holds all of but its end. Dropped unfinished, it is not sent.
pub enum Started<'a> {
    Smtp {
        /// Boxed: it holds the whole connection.
        send: Box<lettre::transport::smtp::StartedSend>,
        timeout: Duration,
        _connection: OwnedSemaphorePermit,
    },
    /// A file is written whole, at the end.
    File { dir: &'a PathBuf, mail: &'a Built },
}

impl Started<'_> {
    /// Hands the message over: once this returns `Ok`, the mail server has it.
    pub async fn finish(self) -> Result<(), SendError> {
        match self {
            Started::Smtp {
                send,
                timeout,
                _connection,
            } => match tokio::time::timeout(timeout, send.finish()).await {
                Err(_) => Err(stopped_answering()),
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) => Err(classify(&e)),
            },
            Started::File { dir, mail } => write_eml(dir, &mail.bytes)
                .await
                .map_err(|e| SendError::Transient(format!("writing to {}: {e}", dir.display()))),
        }
    }
}

/// Writes `bytes` as `<random hex>.eml` under `dir`: whoever reads the folder sees a whole
/// message or none, even if the process dies mid-write.
async fn write_eml(dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    Staged::write(dir, bytes, "eml").await?.publish().await
}

/// A message written in full under a hidden temporary name; nothing in the outbox yet.
pub(crate) struct Staged {
    partial: PathBuf,
    published: PathBuf,
}

impl Staged {
    /// Writes `bytes` to be published as `<random hex>.<extension>`.
    pub(crate) async fn write(
        dir: &Path,
        bytes: &[u8],
        extension: &str,
    ) -> std::io::Result<Staged> {
        use tokio::io::AsyncWriteExt;
        let name = format!("{:032x}", rand::random::<u128>());
        let partial = dir.join(format!(".{name}.partial"));
        let mut file = tokio::fs::File::create(&partial).await?;
        file.write_all(bytes).await?;
        file.sync_all().await?;
        Ok(Staged {
            partial,
            published: dir.join(format!("{name}.{extension}")),
        })
    }

    /// Puts the message in the outbox in one step (a rename).
    pub(crate) async fn publish(self) -> std::io::Result<()> {
        tokio::fs::rename(&self.partial, &self.published).await
    }
}

/// A message written out as the bytes that go on the wire, with its envelope.
#[derive(Debug, Clone)]
pub struct Built {
    envelope: lettre::address::Envelope,
    bytes: Vec<u8>,
}

/// SMTP 5xx is permanent; 4xx, refused connections, timeouts and anything else may pass.
fn classify(e: &lettre::transport::smtp::Error) -> SendError {
    let text = e.to_string();
    if e.is_permanent() {
        return SendError::Permanent(text);
    }
    if e.is_transient() || e.is_timeout() {
        return SendError::Transient(text);
    }
    let mut source = e.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return SendError::Transient(format!("cannot reach the mail server: {}", io.kind()));
        }
        source = s.source();
    }
    SendError::Transient(text)
}

fn mailbox(name: Option<&str>, address: &str, field: &str) -> Result<Mailbox, SendError> {
    let address = address
        .parse()
        .map_err(|_| SendError::Permanent(format!("{field} is not a usable email address")))?;
    Ok(Mailbox::new(name.map(str::to_string), address))
}

/// Writes `mail` out as MIME: multipart text and HTML with its headers.
pub fn build(mail: &Outgoing) -> Result<Built, SendError> {
    let from: Mailbox = mail
        .from
        .parse()
        .map_err(|_| SendError::Permanent("mail.from is not a usable address".into()))?;
    let mut builder = Message::builder()
        .from(from)
        .to(mailbox(
            Some(&mail.to_name),
            &mail.to_email,
            "the recipient",
        )?)
        .subject(mail.rendered.subject.clone())
        .message_id(Some(mail.message_id.clone()))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            mail.rendered.locale.to_string(),
        ));
    if let Some(reply_to) = &mail.reply_to {
        builder = builder.reply_to(mailbox(None, reply_to, "reply_to")?);
    }
    if let Some(unsubscribe) = &mail.list_unsubscribe {
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{unsubscribe}>"),
        ));
    }
    let message: Message = builder
        .multipart(MultiPart::alternative_plain_html(
            mail.rendered.text(),
            mail.rendered.html(),
        ))
        .map_err(|e| SendError::Permanent(format!("the message cannot be built: {e}")))?;
    Ok(Built {
        envelope: message.envelope().clone(),
        bytes: message.formatted(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing() -> Outgoing {
        Outgoing {
            from: "peergroup <no-reply@peergroup.invalid>".into(),
            reply_to: None,
            to_name: "Amina".into(),
            to_email: "amina@example.org".into(),
            message_id: "<m1.o1@peergroup.invalid>".into(),
            list_unsubscribe: None,
            rendered: Rendered {
                locale: "en",
                subject: "Reminder".into(),
                blocks: Vec::new(),
            },
        }
    }

    fn emls(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".eml"))
            .collect()
    }

    #[tokio::test]
    async fn a_message_is_in_the_outbox_only_once_written_in_full() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = build(&outgoing()).unwrap().bytes;
        // A process killed here, anywhere in the write, leaves no `.eml` behind.
        let staged = Staged::write(dir.path(), &bytes, "eml").await.unwrap();
        assert!(emls(dir.path()).is_empty());
        staged.publish().await.unwrap();
        let published = emls(dir.path());
        assert_eq!(published.len(), 1);
        assert_eq!(
            std::fs::read(dir.path().join(&published[0])).unwrap(),
            bytes
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[tokio::test]
    async fn the_file_outbox_holds_whole_messages_only() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::file(dir.path()).unwrap();
        let mail = outgoing();
        mailer.send(&mail).await.unwrap();
        mailer.send(&mail).await.unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        for name in names {
            assert!(name.ends_with(".eml") && !name.starts_with('.'), "{name}");
            let text = String::from_utf8(std::fs::read(dir.path().join(name)).unwrap()).unwrap();
            assert!(
                text.contains("Message-ID: <m1.o1@peergroup.invalid>"),
                "{text}"
            );
            // The closing boundary: the message is there to its end.
            assert!(text.trim_end().ends_with("--"), "{text}");
        }
    }
}
