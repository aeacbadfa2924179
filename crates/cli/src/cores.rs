//! `--threads N` as a bound on cores: the process is confined to N of the cores it may use.
//!
//! The workers are not the only busy threads of an ingest: the reader decodes
//! inputs, the writing thread serialises documents and Tantivy's indexing
//! threads invert them. Without a bound, `--threads 1` would still keep about
//! 1.2 cores busy. Confining the calling thread before any other is started
//! makes every thread of the run inherit the same set of cores (Linux); on
//! other systems the bound is the number of workers only.

/// Confines the calling thread, and every thread it starts afterwards, to the
/// first `threads` cores of those it may run on now. Returns the number of
/// cores now usable; does nothing when `threads` is not fewer than them.
pub(crate) fn confine(threads: usize) -> usize {
    imp::confine(threads)
}

#[cfg(target_os = "linux")]
mod imp {
    use nix::sched::{CpuSet, sched_getaffinity, sched_setaffinity};
    use nix::unistd::Pid;

    pub(super) fn confine(threads: usize) -> usize {
        let this = Pid::from_raw(0);
        let Ok(current) = sched_getaffinity(this) else {
            return threads;
        };
        let usable: Vec<usize> = (0..CpuSet::count())
            .filter(|&cpu| current.is_set(cpu).unwrap_or(false))
            .collect();
        let threads = threads.max(1);
        if threads >= usable.len() {
            return usable.len().max(1);
        }
        let mut set = CpuSet::new();
        for &cpu in usable.iter().take(threads) {
            if set.set(cpu).is_err() {
                return usable.len();
            }
        }
        match sched_setaffinity(this, &set) {
            Ok(()) => threads,
            Err(_) => usable.len(),
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    pub(super) fn confine(threads: usize) -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(threads.max(1)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn confining_to_all_cores_changes_nothing() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(super::confine(cores), cores);
        assert_eq!(super::confine(cores + 8), cores);
        assert_eq!(
            std::thread::available_parallelism().map_or(1, |n| n.get()),
            cores
        );
    }

    #[test]
    fn a_confined_thread_and_its_children_see_one_core() {
        // In a thread of its own, so that the test harness keeps its cores.
        let seen = std::thread::spawn(|| {
            let now = super::confine(1);
            let child =
                std::thread::spawn(|| std::thread::available_parallelism().map_or(0, |n| n.get()))
                    .join()
                    .unwrap_or(0);
            (now, child)
        })
        .join()
        .unwrap_or((0, 0));
        assert_eq!(seen.0, 1);
        if cfg!(target_os = "linux") {
            assert_eq!(seen.1, 1, "threads started after confine inherit the bound");
        }
    }
}
