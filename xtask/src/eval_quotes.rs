//! `cargo xtask eval quotes`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("eval quotes is not built yet")
}
