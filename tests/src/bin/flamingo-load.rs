//! `flamingo-load`: drives a Flamingo server with real websocket clients and measures it
//! against a bare broadcast floor. See BENCHMARKS.md for the scenarios.

use anyhow::Context;
use clap::Parser;
use flamingo_tests::load::options::{Common, Scenario};
use flamingo_tests::load::target::Target;
use flamingo_tests::load::{Cli, floor, run, storm, sweep};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if std::env::var_os("FLAMINGO_BIN").is_none() {
        // The server binary built next to this one (target/release/flamingo).
        let exe = std::env::current_exe().context("the generator's path")?;
        let bin = exe.with_file_name(format!("flamingo{}", std::env::consts::EXE_SUFFIX));
        // SAFETY: still single-threaded; nothing else reads the environment yet.
        unsafe { std::env::set_var("FLAMINGO_BIN", bin) };
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("runtime")?;
    rt.block_on(async move {
        let report = match cli.scenario {
            Scenario::Floor { bind } => {
                let listener = tokio::net::TcpListener::bind(bind).await?;
                println!("floor listening on {}", listener.local_addr()?);
                floor::serve(listener).await;
                return Ok(());
            }
            Scenario::Run(opts) => {
                let (flamingo, floor) = targets(&opts.common).await?;
                run::run(&opts, &flamingo, floor.as_ref()).await?
            }
            Scenario::Storm(opts) => {
                let (flamingo, _) = targets(&Common {
                    no_floor: true,
                    ..opts.common.clone()
                })
                .await?;
                storm::storm(&opts, &flamingo).await?
            }
            Scenario::Sweep(opts) => {
                let (flamingo, floor) = targets(&opts.common).await?;
                sweep::sweep(&opts, &flamingo, floor.as_ref()).await?
            }
        };
        report.print();
        Ok(())
    })
}

async fn targets(common: &Common) -> anyhow::Result<(Target, Option<Target>)> {
    let flamingo = match common.flamingo {
        Some(addr) => Target::flamingo_at(addr, common.flamingo_pid),
        None => Target::start_flamingo_nodes(common.nodes.max(1), common.server_args.clone()).await,
    };
    let floor = if common.no_floor {
        None
    } else {
        Some(Target::start_floor()?)
    };
    Ok((flamingo, floor))
}
