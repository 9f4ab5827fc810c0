//! The job worker and the cron ticks, as this process runs them.

use crate::Config;
use anyhow::Context;
use peergroup_jobs::{Runtime, WorkerSettings, ticks};
use peergroup_notify::Mailer;
use peergroup_notify::links::LinkSigner;
use peergroup_notify::sms::{Kannel, Texter, Twilio};
use peergroup_store::Store;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_cron_scheduler::JobScheduler;

/// The name of the key that signs "I can't come" links.
pub const LINK_KEY: &str = "absence_links";

/// The running worker and ticks.
pub struct JobsHandle {
    stop: watch::Sender<bool>,
    worker: Option<JoinHandle<()>>,
    scheduler: Option<JobScheduler>,
}

impl JobsHandle {
    /// Stops the ticks, lets the jobs in hand finish, and returns.
    pub async fn stop(mut self) {
        if let Some(mut s) = self.scheduler.take() {
            let _ = s.shutdown().await;
        }
        let _ = self.stop.send(true);
        if let Some(w) = self.worker.take() {
            let _ = w.await;
        }
    }
}

/// Where mail goes, as configured.
pub fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    let m = &config.mail;
    match m.transport.as_str() {
        "smtp" => Mailer::smtp(
            &m.smtp_url,
            m.pool_size,
            Duration::from_secs(m.timeout_seconds),
        ),
        _ => Mailer::file(&m.outbox_dir),
    }
    .map_err(anyhow::Error::msg)
}

/// The folders mail and SMS are written to instead of sent, as configured.
pub fn outboxes(config: &Config) -> Vec<std::path::PathBuf> {
    let mail = (config.mail.transport != "smtp").then(|| config.mail.outbox_dir.clone());
    let sms = (config.sms.transport == "file").then(|| config.sms.outbox_dir.clone());
    mail.into_iter().chain(sms).map(Into::into).collect()
}

/// Where SMS go, as configured.
pub fn texter(config: &Config) -> anyhow::Result<Texter> {
    let s = &config.sms;
    let timeout = Duration::from_secs(s.timeout_seconds);
    match s.transport.as_str() {
        "kannel" => Texter::kannel(
            Kannel {
                sendsms_url: s.kannel_sendsms_url.clone(),
                username: s.kannel_username.clone(),
                password: s.kannel_password.clone(),
                from: Some(s.kannel_from.clone()).filter(|f| !f.is_empty()),
            },
            timeout,
        ),
        "twilio" => Texter::twilio(
            Twilio {
                api_url: s.twilio_api_url.clone(),
                account_sid: s.twilio_account_sid.clone(),
                auth_token: s.twilio_auth_token.clone(),
                from: s.twilio_from.clone(),
            },
            timeout,
        ),
        _ => Texter::file(&s.outbox_dir),
    }
    .map_err(anyhow::Error::msg)
}

pub fn settings(config: &Config) -> WorkerSettings {
    let j = &config.jobs;
    WorkerSettings {
        worker_id: format!("{}-{}", std::process::id(), rand_suffix()),
        concurrency: j.concurrency,
        lease: Duration::from_secs(j.lease_seconds),
        idle_poll: Duration::from_millis(j.idle_poll_ms),
        retry_base: chrono::Duration::seconds(j.retry_base_seconds as i64),
        retry_max: chrono::Duration::seconds(j.retry_max_seconds as i64),
        plan_horizon: chrono::Duration::hours(i64::from(j.plan_horizon_hours)),
        from: config.mail.from.clone(),
        public_url: config.server.public_url.clone(),
        parallel_sends: config.mail.parallel_sends,
        sms_max_segments: config.sms.max_segments,
        sms_parallel_sends: config.sms.parallel_sends,
    }
}

fn rand_suffix() -> String {
    format!("{:08x}", rand::random::<u32>())
}

/// The key that signs "I can't come" links, made on first use and shared by replicas.
pub async fn link_signer(store: &Store) -> anyhow::Result<LinkSigner> {
    let key = store
        .service_key(LINK_KEY)
        .await
        .context("reading the link-signing key")?;
    Ok(LinkSigner::new(key))
}

/// What the worker needs, as configured; tests use it to run jobs one by one.
pub fn runtime(config: &Config, store: &Store, links: LinkSigner) -> anyhow::Result<Runtime> {
    Ok(Runtime::new(
        store.clone(),
        (mailer(config)?, texter(config)?),
        links,
        settings(config),
    ))
}

pub async fn start(
    config: &Config,
    store: &Store,
    links: LinkSigner,
) -> anyhow::Result<JobsHandle> {
    let (stop, stopped) = watch::channel(false);
    let worker = if config.jobs.enabled {
        let rt = Arc::new(runtime(config, store, links)?);
        Some(tokio::spawn(peergroup_jobs::run(rt, stopped)))
    } else {
        None
    };
    let scheduler = if config.jobs.scheduler {
        ticks::catch_up(store)
            .await
            .context("catching up on missed ticks")?;
        Some(
            ticks::start(store.clone())
                .await
                .context("starting the cron ticks")?,
        )
    } else {
        None
    };
    Ok(JobsHandle {
        stop,
        worker,
        scheduler,
    })
}
