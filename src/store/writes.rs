//! Whether the latest polls' transactions committed, for readiness: a store that stopped
//! taking writes (a full disk, a damaged page, a database that went read-only) shows it first
//! in the polls that carry items, since the small writes around them still fit.

use std::sync::atomic::{AtomicU32, Ordering};

use super::StoreError;

/// Failed poll transactions in a row from which the store counts as not accepting writes: one
/// failure may be a passing lock, three in a row is a store that does not take writes.
const FAILED_WRITES_NOT_READY: u32 = 3;

/// Consecutive failed poll transactions and the latest error; a poll that commits resets them.
#[derive(Debug, Default)]
pub(super) struct WriteOutcomes {
    failed_in_a_row: AtomicU32,
    last_error: std::sync::Mutex<String>,
}

impl WriteOutcomes {
    pub(super) fn note<T>(&self, result: &Result<T, StoreError>) {
        match result {
            Ok(_) => self.failed_in_a_row.store(0, Ordering::Relaxed),
            // Only the database's own errors say whether it takes writes.
            Err(StoreError::Database(error)) => {
                if let Ok(mut last) = self.last_error.lock() {
                    *last = error.to_string();
                }
                self.failed_in_a_row.fetch_add(1, Ordering::Relaxed);
            }
            Err(_) => {}
        }
    }

    /// An error if the last [`FAILED_WRITES_NOT_READY`] poll transactions or more all failed.
    pub(super) fn verdict(&self) -> Result<(), StoreError> {
        let failures = self.failed_in_a_row.load(Ordering::Relaxed);
        if failures < FAILED_WRITES_NOT_READY {
            return Ok(());
        }
        let last = self
            .last_error
            .lock()
            .map(|last| last.clone())
            .unwrap_or_default();
        Err(StoreError::WritesFailing { failures, last })
    }
}
