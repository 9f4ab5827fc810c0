//! Configuration: the embedded `config/default.toml`, then the file named by
//! `PEERGROUP_CONFIG`, then `PEERGROUP__SECTION__KEY` environment variables.

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

const DEFAULTS: &str = include_str!("../../../config/default.toml");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub mail: MailConfig,
    pub sms: SmsConfig,
    pub demo: DemoConfig,
    pub jobs: JobsConfig,
    pub log: LogConfig,
    pub web: WebConfig,
}

/// Signing in to the web pages.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WebConfig {
    /// A signed-in browser unused this long is signed out.
    pub session_idle_minutes: u32,
    /// A signed-in browser is signed out this long after signing in, used or not.
    pub session_absolute_hours: u32,
    /// How long an invitation link works.
    pub invitation_days: u32,
    /// How long a password-reset link works.
    pub reset_minutes: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub listen: String,
    /// How long an authenticated token is remembered; a revoked token may work this long.
    pub auth_cache_seconds: u64,
    /// The start of links in messages, such as `https://groups.example.org`.
    pub public_url: String,
    /// Seconds a request's line and headers may take to arrive (also on a new connection).
    pub header_timeout_seconds: u64,
    /// Seconds a request's body may take to arrive in full; then 408.
    pub body_timeout_seconds: u64,
    /// Seconds a kept-alive connection may wait for its next request before it is closed.
    pub idle_timeout_seconds: u64,
    /// Unknown tokens one client address may try at once, then per second; beyond them 429.
    pub auth_failures_burst: u32,
    pub auth_failures_per_second: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    /// `file` (write .eml files to `outbox_dir`) or `smtp` (send through `smtp_url`).
    pub transport: String,
    pub outbox_dir: String,
    pub smtp_url: String,
    pub from: String,
    pub pool_size: u32,
    pub timeout_seconds: u64,
    /// Messages handed to the mail server at the same time, each until its outcome is
    /// recorded.
    pub parallel_sends: u32,
}

/// Text messages to participants who prefer them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmsConfig {
    /// `file` (write .json files to `outbox_dir`), `kannel` (its `sendsms` interface) or
    /// `twilio` (its REST API).
    pub transport: String,
    pub outbox_dir: String,
    /// Segments one SMS may take: a longer one leaves out the place, else is skipped.
    pub max_segments: u32,
    /// SMS handed to the gateway at the same time, each until its outcome is recorded.
    pub parallel_sends: u32,
    pub timeout_seconds: u64,
    /// Such as `http://127.0.0.1:13013/cgi-bin/sendsms`.
    pub kannel_sendsms_url: String,
    pub kannel_username: String,
    pub kannel_password: String,
    /// The sender shown on the phone; empty for the SMSC's own.
    pub kannel_from: String,
    pub twilio_api_url: String,
    pub twilio_account_sid: String,
    pub twilio_auth_token: String,
    pub twilio_from: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JobsConfig {
    pub enabled: bool,
    pub scheduler: bool,
    pub concurrency: u32,
    pub lease_seconds: u64,
    pub idle_poll_ms: u64,
    pub retry_base_seconds: u64,
    pub retry_max_seconds: u64,
    pub plan_horizon_hours: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DemoConfig {
    pub enabled: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub filter: String,
}

impl Config {
    /// Loads the layered configuration from this process's environment.
    pub fn load() -> anyhow::Result<Config> {
        let file = std::env::var("PEERGROUP_CONFIG").ok();
        Self::load_from(file.as_deref(), std::env::vars())
    }

    /// Loads defaults, then `file`, then the `PEERGROUP__…` variables among `vars`.
    pub fn load_from(
        file: Option<&str>,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> anyhow::Result<Config> {
        use config::{Environment, File, FileFormat};
        let mut builder =
            config::Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        if let Some(path) = file {
            builder = builder.add_source(File::new(path, FileFormat::Toml).required(true));
        }
        let env: config::Map<String, String> = vars
            .into_iter()
            .filter(|(k, _)| k.starts_with("PEERGROUP__"))
            .collect();
        builder = builder.add_source(
            Environment::with_prefix("PEERGROUP")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .source(Some(env)),
        );
        let config: Config = builder
            .build()
            .context("reading configuration")?
            .try_deserialize()
            .context("configuration has an unknown key or a value of the wrong type")?;
        config.check()?;
        Ok(config)
    }

    pub fn check(&self) -> anyhow::Result<()> {
        self.listen_addr()?;
        let url = &self.database.url;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            bail!("database.url must start with sqlite:, postgres:// or postgresql://");
        }
        for (key, value, max) in [
            (
                "web.session_idle_minutes",
                self.web.session_idle_minutes,
                7 * 24 * 60,
            ),
            (
                "web.session_absolute_hours",
                self.web.session_absolute_hours,
                90 * 24,
            ),
            ("web.invitation_days", self.web.invitation_days, 30),
            ("web.reset_minutes", self.web.reset_minutes, 24 * 60),
        ] {
            if !(1..=max).contains(&value) {
                bail!("{key} must be from 1 to {max}");
            }
        }
        if self.server.auth_cache_seconds > 300 {
            bail!("server.auth_cache_seconds must be at most 300");
        }
        for (key, value) in [
            (
                "server.header_timeout_seconds",
                self.server.header_timeout_seconds,
            ),
            (
                "server.body_timeout_seconds",
                self.server.body_timeout_seconds,
            ),
            (
                "server.idle_timeout_seconds",
                self.server.idle_timeout_seconds,
            ),
        ] {
            if !(1..=3600).contains(&value) {
                bail!("{key} must be 1 to 3600");
            }
        }
        for (key, value) in [
            (
                "server.auth_failures_burst",
                self.server.auth_failures_burst,
            ),
            (
                "server.auth_failures_per_second",
                self.server.auth_failures_per_second,
            ),
        ] {
            if !(1..=100_000).contains(&value) {
                bail!("{key} must be 1 to 100000");
            }
        }
        if !(1..=256).contains(&self.database.max_connections) {
            bail!("database.max_connections must be from 1 to 256");
        }
        if !(self.server.public_url.starts_with("http://")
            || self.server.public_url.starts_with("https://"))
        {
            bail!("server.public_url must start with http:// or https://");
        }
        if !(1..=256).contains(&self.jobs.concurrency) {
            bail!("jobs.concurrency must be from 1 to 256");
        }
        if self.jobs.lease_seconds < 2 {
            bail!("jobs.lease_seconds must be at least 2");
        }
        if self.jobs.retry_base_seconds > self.jobs.retry_max_seconds {
            bail!("jobs.retry_base_seconds must not be more than jobs.retry_max_seconds");
        }
        if !(1..=1000).contains(&self.jobs.plan_horizon_hours) {
            bail!("jobs.plan_horizon_hours must be from 1 to 1000");
        }
        if !(1..=64).contains(&self.mail.parallel_sends) {
            bail!("mail.parallel_sends must be from 1 to 64");
        }
        if !(1..=64).contains(&self.mail.pool_size) {
            bail!("mail.pool_size must be from 1 to 64");
        }
        if !(1..=300).contains(&self.mail.timeout_seconds) {
            bail!("mail.timeout_seconds must be from 1 to 300");
        }
        if !(1..=10).contains(&self.sms.max_segments) {
            bail!("sms.max_segments must be from 1 to 10");
        }
        if !(1..=64).contains(&self.sms.parallel_sends) {
            bail!("sms.parallel_sends must be from 1 to 64");
        }
        if !(1..=300).contains(&self.sms.timeout_seconds) {
            bail!("sms.timeout_seconds must be from 1 to 300");
        }
        let sms = &self.sms;
        match sms.transport.as_str() {
            "file" => {}
            "kannel" if sms.kannel_sendsms_url.starts_with("http") => {}
            "kannel" => {
                bail!("sms.transport is kannel but sms.kannel_sendsms_url is not an http URL")
            }
            "twilio"
                if !sms.twilio_account_sid.is_empty()
                    && !sms.twilio_auth_token.is_empty()
                    && !sms.twilio_from.is_empty() => {}
            "twilio" => bail!(
                "sms.transport is twilio but sms.twilio_account_sid, sms.twilio_auth_token or sms.twilio_from is empty"
            ),
            other => bail!("sms.transport must be file, kannel or twilio, not `{other}`"),
        }
        match self.mail.transport.as_str() {
            "file" => {}
            "smtp" if !self.mail.smtp_url.is_empty() => {}
            "smtp" => bail!("mail.transport is smtp but mail.smtp_url is empty"),
            other => bail!("mail.transport must be file or smtp, not `{other}`"),
        }
        Ok(())
    }

    pub fn listen_addr(&self) -> anyhow::Result<SocketAddr> {
        self.server.listen.parse().with_context(|| {
            format!(
                "server.listen `{}` is not an address such as 127.0.0.1:8080",
                self.server.listen
            )
        })
    }

    /// The configuration with passwords in URLs replaced, for printing.
    pub fn redacted(&self) -> Config {
        let mut c = self.clone();
        c.database.url = redact_url(&c.database.url);
        c.mail.smtp_url = redact_url(&c.mail.smtp_url);
        for secret in [&mut c.sms.kannel_password, &mut c.sms.twilio_auth_token] {
            if !secret.is_empty() {
                *secret = "***".into();
            }
        }
        c
    }

    /// How long page sign-ins and links last; cookies need https when the public URL has it.
    pub fn login(&self) -> peergroup_web::pages::LoginSettings {
        peergroup_web::pages::LoginSettings {
            idle: chrono::TimeDelta::minutes(i64::from(self.web.session_idle_minutes)),
            absolute: chrono::TimeDelta::hours(i64::from(self.web.session_absolute_hours)),
            invitation: chrono::TimeDelta::days(i64::from(self.web.invitation_days)),
            reset: chrono::TimeDelta::minutes(i64::from(self.web.reset_minutes)),
            secure: self.server.public_url.starts_with("https://"),
            public_url: self.server.public_url.clone(),
        }
    }
}

fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..scheme], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

impl ServerConfig {
    pub fn timeouts(&self) -> crate::serve::Timeouts {
        let seconds = std::time::Duration::from_secs;
        crate::serve::Timeouts {
            header_read: seconds(self.header_timeout_seconds),
            body: seconds(self.body_timeout_seconds),
            idle: seconds(self.idle_timeout_seconds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_the_embedded_sqlite_setup() {
        let c = Config::load_from(None, vars(&[])).unwrap();
        assert_eq!(c.server.listen, "127.0.0.1:8080");
        assert!(c.database.url.starts_with("sqlite://var/"));
        assert_eq!(c.mail.transport, "file");
        assert!(c.demo.enabled);
    }

    #[test]
    fn environment_overrides_with_double_underscores() {
        let c = Config::load_from(
            None,
            vars(&[
                ("PEERGROUP__DATABASE__URL", "postgres://u:pw@h/db"),
                ("PEERGROUP__DEMO__ENABLED", "false"),
                ("PEERGROUP__SERVER__LISTEN", "127.0.0.1:0"),
                ("UNRELATED", "x"),
            ]),
        )
        .unwrap();
        assert_eq!(c.database.url, "postgres://u:pw@h/db");
        assert!(!c.demo.enabled);
        assert_eq!(c.redacted().database.url, "postgres://u:***@h/db");
    }

    #[test]
    fn a_file_overrides_defaults_and_the_production_example_loads() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../config/production.example.toml"
        );
        let c = Config::load_from(Some(path), vars(&[])).unwrap();
        assert!(!c.demo.enabled);
        assert_eq!(c.mail.transport, "smtp");
        assert!(c.database.url.starts_with("postgres://"));
    }

    #[test]
    fn bad_values_are_refused_with_the_key_named() {
        let err =
            Config::load_from(None, vars(&[("PEERGROUP__SERVER__LISTEN", "nowhere")])).unwrap_err();
        assert!(format!("{err:#}").contains("server.listen"), "{err:#}");
        let err =
            Config::load_from(None, vars(&[("PEERGROUP__MAIL__TRANSPORT", "pigeon")])).unwrap_err();
        assert!(format!("{err:#}").contains("mail.transport"), "{err:#}");
        assert!(Config::load_from(None, vars(&[("PEERGROUP__SERVER__COLOUR", "blue")])).is_err());
    }
}
