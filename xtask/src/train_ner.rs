//! `cargo xtask train-ner`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("train-ner is not built yet")
}
