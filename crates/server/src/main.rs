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
    /// Load and check the configuration, then print it with secrets hidden.
    CheckConfig,
    /// Recompute every participant's run of missed sessions from the attendance history and
    /// bring the follow-up tasks in line (after a restore, say); prints what changed.
    RebuildFollowUps,
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
        Command::RebuildFollowUps => {
            let store = peergroup::open_store(&config, Arc::new(SystemClock)).await?;
            let outcome = store.rebuild_follow_ups().await;
            store.close().await;
            let o = outcome?;
            println!(
                "{} groups, {} marks read; {} participants brought in line: {} tasks opened, {} updated, {} closed",
                o.groups, o.marks, o.participants_changed, o.opened, o.updated, o.closed
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
        Command::Token {
            command:
                TokenCommand::Create {
                    org,
                    email,
                    role,
                    org_name,
                },
        } => {
            let slug = Slug::parse(org).map_err(|e| anyhow::anyhow!("--org: {e}"))?;
            let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            let name = Name::parse(org_name.unwrap_or_else(|| slug.to_string()))
                .map_err(|e| anyhow::anyhow!("--org-name: {e}"))?;
            let store = peergroup::open_store(&config, Arc::new(SystemClock)).await?;
            let (org, created) = store.ensure_organization(&slug, &name).await?;
            if created {
                eprintln!("created organization `{}`", org.slug);
            }
            let token = store.issue_token(&org, &email, role, "cli", false).await?;
            eprintln!(
                "token for {} ({}) in `{}`; it is shown only now:",
                token.email, token.role, org.slug
            );
            println!("{}", token.secret);
            store.close().await;
            Ok(())
        }
        Command::CheckConfig => {
            println!("{}", serde_json::to_string_pretty(&config.redacted())?);
            Ok(())
        }
    }
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
        Some(token) => print_demo_token(token, &server.addr.to_string()),
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
    println!("peergroup listening on http://{}", server.addr);
    tracing::info!(addr = %server.addr, "peergroup listening");
    shutdown_signal().await;
    tracing::info!("shutting down");
    server.stop().await.context("stopping")
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
