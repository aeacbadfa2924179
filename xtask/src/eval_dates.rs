//! `cargo xtask eval dates`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("eval dates is not built yet")
}
