//! The `flamingo` server, as a binary of this package: Cargo builds a package's binaries
//! before its integration tests, so the fault and multi-node suites always run a server built
//! from the current sources, without building anything themselves. The same one function as
//! the shipped binary (`server/src/main.rs`).

fn main() -> anyhow::Result<()> {
    flamingo_server::cli::main()
}
