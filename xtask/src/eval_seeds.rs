//! `cargo xtask eval seeds`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("eval seeds is not built yet")
}
