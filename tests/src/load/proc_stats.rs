//! A process's resident memory and CPU time, read from /proc (Linux).

use std::io;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ProcStats {
    pub rss_bytes: u64,
    /// User plus system time.
    pub cpu_seconds: f64,
}

impl ProcStats {
    pub fn read(pid: u32) -> io::Result<Self> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let rss_kib = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .ok_or_else(|| io::Error::other("no VmRSS in /proc/<pid>/status"))?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
        Ok(Self {
            rss_bytes: rss_kib * 1024,
            cpu_seconds: cpu_seconds(&stat)?,
        })
    }

    /// This process (the generator itself).
    pub fn own() -> io::Result<Self> {
        Self::read(std::process::id())
    }
}

/// utime + stime from a /proc/<pid>/stat line, in seconds. The command name (field 2) may
/// hold spaces and parentheses, so fields are counted after its closing parenthesis.
fn cpu_seconds(stat: &str) -> io::Result<f64> {
    let after = stat
        .rfind(')')
        .map(|i| &stat[i + 1..])
        .ok_or_else(|| io::Error::other("malformed /proc/<pid>/stat"))?;
    // After the name: state is field 3, so utime (14) and stime (15) are the 12th and 13th.
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| -> io::Result<u64> {
        fields
            .get(i)
            .and_then(|f| f.parse().ok())
            .ok_or_else(|| io::Error::other("malformed /proc/<pid>/stat"))
    };
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    Ok((tick(11)? + tick(12)?) as f64 / hz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_this_process() {
        let s = ProcStats::own().expect("own stats");
        assert!(s.rss_bytes > 1024 * 1024, "{s:?}");
    }

    #[test]
    fn a_name_with_spaces_does_not_shift_the_fields() {
        let stat = "42 (a (b) c) S 1 2 3 4 5 6 7 8 9 10 300 200 0 0";
        // SAFETY: as above.
        let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        assert_eq!(cpu_seconds(stat).expect("parse"), 500.0 / hz);
    }
}
