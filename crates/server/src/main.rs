//! The `peergroup` command.

use anyhow::Context;
use clap::{Parser, Subcommand};
use peergroup::config::Config;
use peergroup_domain::clock::SystemClock;
use peergroup_domain::org::Role;
use peergroup_domain::values::{Email, Name, Slug};
use std::sync::Arc;

/// mimalloc: fewer and cheaper allocator calls on the request path than glibc malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "peergroup",
    version,
    about = "Closed peer-support groups for immigrants and refugees"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the demo organization if missing and print a coordinator token.
    Demo,
    /// Manage bearer tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Manage the people who sign in to the web pages.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Load and check the configuration, then print it with secrets hidden.
    CheckConfig,
    /// Recompute every participant's run of missed sessions from the attendance history and
    /// bring the follow-up tasks in line (after a restore, say); prints what changed.
    RebuildFollowUps,
    /// Print the URL an SMS gateway forwards an organization's incoming SMS to (Kannel's
    /// `get-url`, with `?from=%p&text=%a` added; Twilio's messaging webhook as it is).
    SmsInboundUrl {
        #[arg(long)]
        org: String,
    },
    /// Write a consistent copy of the SQLite database to PATH (a new file) while servers
    /// keep running. On PostgreSQL use `pg_dump` (see the README).
    Backup { path: std::path::PathBuf },
    /// Put the backup PATH in place of the SQLite database (every server stopped), apply
    /// newer migrations, then rebuild the follow-ups from its attendance.
    Restore { path: std::path::PathBuf },
    /// Plan the reminders of the coming `jobs.plan_horizon_hours` now, instead of at the
    /// next 5-minute tick (after an import, say); running servers send them when due.
    PlanReminders,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issue a token for a user (created if needed) of an organization (created if needed).
    Create {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// admin, coordinator or facilitator.
        #[arg(long)]
        role: String,
        /// The organization's display name, when it is created.
        #[arg(long)]
        org_name: Option<String>,
        /// Refuse the token after this many days (1 to 3650); without it, it does not expire.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=3650))]
        expires_in_days: Option<u16>,
    },
    /// List an organization's tokens: who, role, label, created, expires, last used, revoked.
    List {
        #[arg(long)]
        org: String,
    },
    /// Revoke a token by its id (from `token list`). Servers stop accepting it within
    /// `server.auth_cache_seconds`.
    Revoke { id: i64 },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Invite a user (created if needed) of an existing organization: mails them a one-time
    /// link to choose a password, and prints that link.
    Invite {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// admin, coordinator or facilitator.
        #[arg(long)]
        role: String,
    },
    /// Create a user (or change their role) with a password read from standard input.
    Create {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// admin, coordinator or facilitator.
        #[arg(long)]
        role: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::load()?;
    init_logging(&config);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&config).await,
        Command::Migrate => {
            peergroup::open_store(&config, Arc::new(SystemClock))
                .await?
                .close()
                .await;
            println!("migrations applied");
            Ok(())
        }
        Command::RebuildFollowUps => rebuild_follow_ups(&config).await,
        Command::Backup { path } => {
            // As it is: a backup comes before an upgrade's migrations, not after.
            let store = peergroup::connect_store(&config, Arc::new(SystemClock)).await?;
            let copied = store.backup_to(&path).await;
            store.close().await;
            let c = copied?;
            println!(
                "backup written to {}: {} bytes, integrity ok, {} migrations",
                path.display(),
                c.bytes,
                c.migrations
            );
            Ok(())
        }
        Command::Restore { path } => {
            let c = peergroup_store::backup::restore_sqlite(&config.database.url, &path).await?;
            println!(
                "restored {} ({} bytes, {} migrations)",
                path.display(),
                c.bytes,
                c.migrations
            );
            rebuild_follow_ups(&config).await
        }
        Command::PlanReminders => {
            let store = peergroup::open_store(&config, Arc::new(SystemClock)).await?;
            let horizon = chrono::Duration::hours(i64::from(config.jobs.plan_horizon_hours));
            let planned = peergroup_app::reminders::plan(&store, horizon).await;
            store.close().await;
            let stats = planned?;
            println!(
                "{} upcoming sessions read; {} reminders newly planned (those due in the next {} hours)",
                stats.sessions, stats.jobs_new, config.jobs.plan_horizon_hours
            );
            Ok(())
        }
        Command::Demo => {
            let store = peergroup::open_store(&config, Arc::new(SystemClock)).await?;
            let token = peergroup::demo::ensure_demo(&store).await?;
            print_demo_token(&token.secret, &config.server.listen);
            store.close().await;
            Ok(())
        }
        Command::Token { command } => token_command(&config, command).await,
        Command::User { command } => user_command(&config, command).await,
        Command::SmsInboundUrl { org } => {
            let slug = Slug::parse(org).map_err(|e| anyhow::anyhow!("--org: {e}"))?;
            let store = peergroup::open_store(&config, Arc::new(SystemClock)).await?;
            let found = store.find_organization(&slug).await;
            let links = peergroup::jobs::link_signer(&store).await;
            store.close().await;
            let Some(org) = found? else {
                anyhow::bail!("no organization `{slug}`");
            };
            let token = links?.sign_sms_inbound(org.id);
            println!(
                "{}",
                peergroup_notify::links::sms_inbound_url(&config.server.public_url, &token)
            );
            Ok(())
        }
        Command::CheckConfig => {
            println!("{}", serde_json::to_string_pretty(&config.redacted())?);
            Ok(())
        }
    }
}

/// Brings the follow-up tasks in line with the attendance history, saying what changed.
async fn rebuild_follow_ups(config: &Config) -> anyhow::Result<()> {
    let store = peergroup::open_store(config, Arc::new(SystemClock)).await?;
    let outcome = peergroup_app::follow_up_rebuild::rebuild(&store).await;
    store.close().await;
    let o = outcome?;
    println!(
        "{} groups, {} marks read; {} participants brought in line: {} tasks opened, {} updated, {} closed",
        o.groups, o.marks, o.participants_changed, o.opened, o.updated, o.closed
    );
    Ok(())
}

async fn token_command(config: &Config, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create {
            org,
            email,
            role,
            org_name,
            expires_in_days,
        } => {
            let slug = Slug::parse(org).map_err(|e| anyhow::anyhow!("--org: {e}"))?;
            let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            let name = Name::parse(org_name.unwrap_or_else(|| slug.to_string()))
                .map_err(|e| anyhow::anyhow!("--org-name: {e}"))?;
            let store = peergroup::open_store(config, Arc::new(SystemClock)).await?;
            let (org, created) = store.ensure_organization(&slug, &name).await?;
            if created {
                eprintln!("created organization `{}`", org.slug);
            }
            let expires_at = expires_in_days
                .map(|days| chrono::Utc::now() + chrono::TimeDelta::days(i64::from(days)));
            let token = store
                .issue_token(&org, &email, role, "cli", false, expires_at)
                .await;
            store.close().await;
            let token = token?;
            let until = token.expires_at.map_or(String::new(), |at| {
                format!(", valid until {}", at.to_rfc3339())
            });
            eprintln!(
                "token {} for {} ({}) in `{}`{until}; it is shown only now:",
                token.id, token.email, token.role, org.slug
            );
            println!("{}", token.secret);
            Ok(())
        }
        TokenCommand::List { org } => {
            let slug = Slug::parse(org).map_err(|e| anyhow::anyhow!("--org: {e}"))?;
            let store = peergroup::open_store(config, Arc::new(SystemClock)).await?;
            let tokens = match store.find_organization(&slug).await {
                Ok(Some(org)) => store.tokens(org.id).await.map(Some),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            };
            store.close().await;
            let Some(tokens) = tokens? else {
                anyhow::bail!("no organization `{slug}`");
            };
            println!("id\temail\trole\tlabel\tcreated\texpires\tlast used\trevoked");
            let when = |at: Option<chrono::DateTime<chrono::Utc>>| {
                at.map_or("-".to_string(), |at| {
                    at.format("%Y-%m-%d %H:%M").to_string()
                })
            };
            for t in tokens {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    t.id,
                    t.email,
                    t.role,
                    t.label,
                    when(Some(t.created_at)),
                    when(t.expires_at),
                    when(t.last_used_at),
                    when(t.revoked_at)
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            let store = peergroup::open_store(config, Arc::new(SystemClock)).await?;
            let revoked = store.revoke_token(id, None).await;
            store.close().await;
            let t = revoked.map_err(|e| match e {
                peergroup_store::StoreError::NotFound(_) => anyhow::anyhow!("no token {id}"),
                e => e.into(),
            })?;
            eprintln!(
                "token {} ({}, {}) is revoked; servers refuse it within server.auth_cache_seconds",
                t.id, t.email, t.label
            );
            Ok(())
        }
    }
}

/// The organization, email and role a `user` command names, checked before anything opens.
fn user_args(org: String, email: String, role: String) -> anyhow::Result<(Slug, Email, Role)> {
    let slug = Slug::parse(org).map_err(|e| anyhow::anyhow!("--org: {e}"))?;
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
    Ok((slug, email, role))
}

async fn user_command(config: &Config, command: UserCommand) -> anyhow::Result<()> {
    let (slug, email, role, password) = match command {
        UserCommand::Invite { org, email, role } => {
            let (slug, email, role) = user_args(org, email, role)?;
            (slug, email, role, None)
        }
        UserCommand::Create { org, email, role } => {
            let (slug, email, role) = user_args(org, email, role)?;
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            let password = line.trim_end_matches(['\r', '\n']).to_string();
            peergroup_app::passwords::check(&password)
                .map_err(|e| anyhow::anyhow!("password: {e}"))?;
            (slug, email, role, Some(password))
        }
    };
    let store = peergroup::open_store(config, Arc::new(SystemClock)).await?;
    let done = async {
        let org = store
            .find_organization(&slug)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no organization `{slug}`"))?;
        match password {
            Some(password) => {
                let user = store.ensure_user(org.id, email.as_str(), role).await?;
                let phc = peergroup_app::passwords::hash(password).await;
                store.set_password(org.id, user, &phc).await?;
                eprintln!("{email} ({role}) in `{slug}` can sign in with that password");
            }
            None => {
                let invited = peergroup_app::sign_in::invite(
                    &store,
                    org.id,
                    &email,
                    role,
                    None,
                    config.login().invitation,
                )
                .await?;
                let signer = peergroup::jobs::link_signer(&store).await?;
                let url = signer.sign_in_url(
                    &config.server.public_url,
                    &peergroup_notify::links::SignInLinkToken {
                        org_id: org.id,
                        link_id: invited.link_id,
                        expires_at: invited.expires_at.timestamp(),
                    },
                );
                eprintln!(
                    "{email} ({role}) is invited to `{slug}`; the link, also mailed, works once until {}:",
                    invited.expires_at.to_rfc3339()
                );
                println!("{url}");
            }
        }
        Ok::<_, anyhow::Error>(())
    }
    .await;
    store.close().await;
    done
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&config.log.filter));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn print_demo_token(token: &str, listen: &str) {
    println!();
    println!("Demo organization `demo` is ready. Coordinator token (a new one at every start):");
    println!("  {token}");
    println!("Try:");
    println!("  curl -H 'Authorization: Bearer {token}' http://{listen}/api/v1/groups");
    println!();
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let server = peergroup::start(config).await?;
    match &server.demo_token {
        Some(token) => {
            print_demo_token(token, &server.addr.to_string());
            for (who, url) in &server.demo_links {
                println!("Open this link to choose a password and sign in as the demo {who}:");
                println!("  {url}");
            }
            println!();
        }
        None if server.store.organization_count().await? == 0 => {
            println!();
            println!("The database has no organization yet. Create one and a token with:");
            println!(
                "  peergroup token create --org my-org --email you@example.org --role coordinator"
            );
            println!();
        }
        None => {}
    }
    // Handlers first: a SIGTERM sent as soon as the line below is read must stop us cleanly.
    let stopping = shutdown_signal()?;
    println!("peergroup listening on http://{}", server.addr);
    tracing::info!(addr = %server.addr, "peergroup listening");
    stopping.await;
    tracing::info!("shutting down");
    server.stop().await.context("stopping")
}

/// Completes on Ctrl-C or SIGTERM; both are caught from the moment this returns.
#[cfg(unix)]
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).context("catching SIGTERM")?;
    let mut interrupt = signal(SignalKind::interrupt()).context("catching SIGINT")?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {},
            _ = interrupt.recv() => {},
        }
    })
}

#[cfg(not(unix))]
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
