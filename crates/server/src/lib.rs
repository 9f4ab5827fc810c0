//! The peergroup service: configuration, wiring and graceful shutdown. `main.rs` adds the
//! command line; tests start the same server through [`start`].

pub mod config;
pub mod demo;
pub mod jobs;
pub mod serve;

use anyhow::Context;
use peergroup_domain::clock::{Clock, SystemClock};
use peergroup_store::{Store, StoreOptions};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::Config;

/// Connects to the configured database and applies pending migrations.
pub async fn open_store(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Store> {
    let store = connect_store(config, clock).await?;
    store.migrate().await.context("applying migrations")?;
    Ok(store)
}

/// The configured database as it is, migrations not applied (to back it up, say).
pub async fn connect_store(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Store> {
    let options = StoreOptions {
        url: config.database.url.clone(),
        max_connections: config.database.max_connections,
    };
    Store::connect_with_clock(&options, clock)
        .await
        .context("connecting to the database")
}

/// A server listening on a real port.
pub struct RunningServer {
    pub addr: SocketAddr,
    pub store: Store,
    /// The demo coordinator's token, when the demo is enabled.
    pub demo_token: Option<String>,
    /// One-time links for the demo coordinator and a demo facilitator to sign in to the
    /// pages, when the demo is enabled.
    pub demo_links: Vec<(&'static str, String)>,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
    jobs: Option<jobs::JobsHandle>,
}

impl RunningServer {
    /// Stops accepting connections, lets requests in flight finish, closes the database.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.shutdown.send(());
        self.task.await.context("server task")??;
        if let Some(jobs) = self.jobs {
            jobs.stop().await;
        }
        self.store.close().await;
        Ok(())
    }
}

/// Starts the HTTP API on the configured address (port 0 picks a free port).
pub async fn start(config: &Config) -> anyhow::Result<RunningServer> {
    start_with_clock(config, Arc::new(SystemClock)).await
}

pub async fn start_with_clock(
    config: &Config,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<RunningServer> {
    let store = open_store(config, clock).await?;
    let demo_token = if config.demo.enabled {
        Some(
            demo::ensure_demo(&store)
                .await
                .context("creating the demo organization")?
                .secret,
        )
    } else {
        None
    };
    let listener = tokio::net::TcpListener::bind(config.listen_addr()?)
        .await
        .with_context(|| format!("listening on {}", config.server.listen))?;
    let addr = listener.local_addr()?;
    let auth_cache = std::time::Duration::from_secs(config.server.auth_cache_seconds);
    let links = jobs::link_signer(&store).await?;
    let timeouts = config.server.timeouts();
    let app = peergroup_web::app(
        peergroup_web::AppState::with_auth_cache(store.clone(), auth_cache)
            .with_body_timeout(timeouts.body)
            .with_auth_limit(
                config.server.auth_failures_burst,
                config.server.auth_failures_per_second,
            )
            .with_links(links.clone())
            .with_sms_retry(peergroup_app::sms_reports::Retry {
                base: chrono::TimeDelta::seconds(config.jobs.retry_base_seconds as i64),
                max: chrono::TimeDelta::seconds(config.jobs.retry_max_seconds as i64),
            })
            .with_login(config.login())
            .with_outboxes(jobs::outboxes(config)),
    );
    let demo_links = if config.demo.enabled {
        demo::sign_in_links(
            &store,
            &links,
            &config.server.public_url,
            config.login().invitation,
        )
        .await
        .context("making the demo sign-in links")?
    } else {
        Vec::new()
    };
    let (shutdown, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve::serve(listener, app, timeouts, async {
        let _ = stopped.await;
    }));
    let jobs = if config.jobs.enabled || config.jobs.scheduler {
        Some(jobs::start(config, &store, links).await?)
    } else {
        None
    };
    Ok(RunningServer {
        addr,
        store,
        demo_token,
        demo_links,
        shutdown,
        task,
        jobs,
    })
}
