//! `cargo xtask eval html`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("eval html is not built yet")
}
