//! Python virtual environments under `target/` for the tasks that drive PyPI tools.

use anyhow::{Context, bail};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Creates the venv `dir` (once) and installs `packages` into it unless its stamp file
/// already lists exactly these; returns the venv's python.
pub(crate) fn ensure(dir: &Path, packages: &[&str]) -> anyhow::Result<PathBuf> {
    let python = dir.join("bin/python");
    let stamp = dir.join(".installed");
    let wanted = packages.join("\n");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == wanted) {
        return Ok(python);
    }
    if !python.exists() {
        eprintln!("creating {}", dir.display());
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(dir)
            .status()
            .context("cannot run python3 -m venv")?;
        if !status.success() {
            bail!("python3 -m venv {} failed", dir.display());
        }
    }
    eprintln!("installing {} into {}", packages.join(" "), dir.display());
    pip_install(&python, packages)?;
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}

/// `python -m pip install --quiet ARGS...`.
pub(crate) fn pip_install<S: AsRef<OsStr>>(python: &Path, args: &[S]) -> anyhow::Result<()> {
    let status = Command::new(python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(args)
        .status()
        .context("cannot run pip")?;
    if !status.success() {
        let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
        bail!("pip install {} failed", shown.join(" "));
    }
    Ok(())
}
