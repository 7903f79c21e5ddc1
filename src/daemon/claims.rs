//! Who holds an outbox or feed lease, and whether that process is gone. A claim records the
//! claiming process's identity; at start the daemon releases the claims of processes that no
//! longer exist, so alerts a killed daemon had claimed go out at once, and feeds it was polling
//! are polled at once, instead of after the lease.
//!
//! An identity is `BOOT_ID/PID/START`: the kernel's boot id, the pid, and the process's start
//! time in clock ticks since boot (`/proc/PID/stat`, field 22). A pid alone is not enough: after
//! a reboot or a wrap-around it names another process. A claim of another boot, of a pid with
//! no process, or of a pid now running a process started at another time is gone. Anything
//! that cannot be read says nothing, and the lease runs out as before: releasing a live
//! worker's claim would send its alerts twice.
//!
//! This holds for a store used from one machine, as the SQLite file is. Where several nodes
//! share a store, another node's boot id says nothing about whether it lives: such a store
//! must not run [`release_gone`] (its claims expire by lease, or by a node table).

use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use crate::store::{Store, StoreError};

/// This process's identity, or an empty string where `/proc` cannot tell (then claims carry
/// no owner and are never released early).
pub fn this_process() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let pid = std::process::id();
        match (boot_id(), start_time(pid)) {
            (Some(boot), Some(start)) => format!("{boot}/{pid}/{start}"),
            _ => String::new(),
        }
    })
}

/// Whether the process `owner` names is certainly gone, judged from this machine's `/proc`
/// (`boot` is this boot's id).
pub fn is_gone(owner: &str, boot: &str) -> bool {
    let mut parts = owner.split('/');
    let (Some(owner_boot), Some(pid), Some(start), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    if owner_boot != boot {
        return true;
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => true,
        Err(_) => false,
        Ok(stat) => parse_start_time(&stat).is_some_and(|now| now.to_string() != start),
    }
}

/// Releases the running claims of processes that are gone; returns how many entries.
pub async fn release_gone<S: Store>(store: &S, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let Some(boot) = boot_id() else {
        return Ok(0);
    };
    let mut released = 0;
    for owner in store.claim_owners(now).await? {
        if owner != this_process() && is_gone(&owner, &boot) {
            let count = store.release_claims(&owner, now).await?;
            tracing::info!(
                owner = %owner,
                claims = count,
                "released the outbox and feed claims of a newswatch process that is gone"
            );
            released += count;
        }
    }
    Ok(released)
}

fn boot_id() -> Option<String> {
    let id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let id = id.trim();
    (!id.is_empty() && !id.contains('/')).then(|| id.to_string())
}

fn start_time(pid: u32) -> Option<u64> {
    parse_start_time(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// Field 22 of `/proc/PID/stat`. The second field, the command name, is in parentheses and may
/// hold spaces and parentheses itself, so fields are counted from the last `)`.
fn parse_start_time(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // After the name come field 3 (state) onwards: field 22 is the 20th of them.
    after_name.split_whitespace().nth(19)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_time_is_read_past_a_name_with_spaces_and_parentheses() {
        let stat = "4242 (new (swatch) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 12 3 0 0 20 0 \
                    9 0 987654 123456789 2000 18446744073709551615";
        assert_eq!(parse_start_time(stat), Some(987654));
        assert_eq!(parse_start_time("4242 (cut"), None);
    }

    #[test]
    fn this_process_is_alive_and_others_are_gone() {
        let me = this_process();
        let boot = boot_id().expect("Linux has a boot id");
        assert!(me.starts_with(&boot), "{me}");
        assert!(!is_gone(me, &boot), "this process is alive");

        let (_, rest) = me.split_once('/').expect("boot/pid/start");
        assert!(
            is_gone(&format!("another-boot/{rest}"), &boot),
            "a claim of another boot"
        );
        let pid = std::process::id();
        assert!(
            is_gone(&format!("{boot}/{pid}/1"), &boot),
            "the same pid started at another time"
        );
        // A pid above the kernel's limit (4194304 at most) names no process.
        assert!(is_gone(&format!("{boot}/4194305/1"), &boot));
    }

    #[test]
    fn an_identity_that_cannot_be_read_is_never_taken_for_gone() {
        for owner in ["", "garbage", "boot/notapid/1", "a/1/2/3"] {
            assert!(!is_gone(owner, "boot"), "{owner:?}");
        }
    }
}
