//! The `flamingo` binary: everything is in [`flamingo_server::cli`].

fn main() -> anyhow::Result<()> {
    flamingo_server::cli::main()
}
