//! Handing freed heap memory back to the kernel when a burst of work ends.
//!
//! glibc's malloc returns memory to the kernel only from the top of each arena, so one
//! long-lived allocation made late in a poll cycle keeps every freed page below it resident.
//! An idle daemon then looks as large as its busiest moment: 33 MiB resident with 1,000 feeds,
//! of which 5 MiB were free pages (bench/peers, idle scenario). `malloc_trim` releases the free
//! pages inside the arenas as well. It takes about a millisecond, even on a fragmented heap
//! several times the daemon's, so the callers simply trim whenever their work runs out (after a
//! poll, at most a few times a second with thousands of feeds); the next burst faults the pages
//! back in.

/// Returns the heap's free pages to the kernel; a no-op where the allocator is not glibc's.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes the allocator's own locks and touches only free chunks.
    unsafe {
        libc::malloc_trim(0);
    }
}
