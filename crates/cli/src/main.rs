//! The `newsdesk` binary.
fn main() {}
