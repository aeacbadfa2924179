//! `cargo xtask eval ner`.

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("eval ner is not built yet")
}
