//! The replay's per-item work that needs nothing of the items before it (matching, and a
//! matched item's fingerprints), on threads of its own; the results come back in the items'
//! order for the decisions, which must go one item at a time.
//!
//! Matching is most of a backtest's work: normalizing and segmenting every field of every
//! item. So the reading thread copies each item into a batch, [`BATCH`] at a time, and hands
//! batches round-robin to the worker threads; it takes them back in the same order and makes
//! the decisions while the next batches are worked on (docs/BENCHMARKS.md, backtest).
//!
//! Batches are recycled: an item's strings are copied into those of an item of an earlier
//! batch, so in the steady state nothing is allocated per item but its results.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use crate::store::StoredItem;

/// Items per batch: enough that handing one over costs little next to working on it, few
/// enough that the decisions start early.
const BATCH: usize = 256;

/// Batches in flight per worker thread, beyond which the reading thread waits.
const IN_FLIGHT: usize = 2;

/// At most this many worker threads: the decisions, on the reading thread, are the limit
/// beyond that.
const MAX_THREADS: usize = 4;

/// What the workers do with each item.
pub(super) type Work<T> = Arc<dyn Fn(&StoredItem) -> T + Send + Sync>;

/// Items and their results; the first `len` items are meaningful.
struct Batch<T> {
    items: Vec<StoredItem>,
    results: Vec<T>,
    len: usize,
}

impl<T> Default for Batch<T> {
    fn default() -> Batch<T> {
        Batch {
            items: Vec::new(),
            results: Vec::new(),
            len: 0,
        }
    }
}

struct Worker<T> {
    /// `None` once closed: the thread ends when it sees its jobs closed.
    jobs: Option<SyncSender<Batch<T>>>,
    done: Receiver<Batch<T>>,
    thread: Option<JoinHandle<()>>,
}

/// The worker threads and the batches going through them. Dropped before
/// [`finish`](Self::finish) (a read error), the threads end by themselves: their channels
/// close.
pub(super) struct Pipeline<T> {
    workers: Vec<Worker<T>>,
    /// The batch being filled.
    filling: Batch<T>,
    /// Batches sent, and batches taken back, counted from 0: batch `n` goes to worker
    /// `n % workers.len()`.
    sent: usize,
    taken: usize,
    /// Batches taken back and done with, for reuse.
    free: Vec<Batch<T>>,
}

impl<T: Send + 'static> Pipeline<T> {
    /// Starts worker threads doing `work`, one per core: the reading thread, which makes the
    /// decisions, is idle half the time waiting for them, so it takes no core of its own.
    pub(super) fn start(work: Work<T>) -> Pipeline<T> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.clamp(1, MAX_THREADS);
        let workers = (0..threads)
            .map(|_| {
                let (jobs, inbox) = sync_channel::<Batch<T>>(IN_FLIGHT);
                let (outbox, done) = sync_channel::<Batch<T>>(IN_FLIGHT);
                let work = Arc::clone(&work);
                let thread = std::thread::Builder::new()
                    .name("backtest-match".into())
                    .spawn(move || {
                        for mut batch in inbox {
                            batch.results.clear();
                            batch
                                .results
                                .extend(batch.items[..batch.len].iter().map(|item| work(item)));
                            if outbox.send(batch).is_err() {
                                break;
                            }
                        }
                    })
                    .expect("spawning a thread fails only when the system is out of threads");
                Worker {
                    jobs: Some(jobs),
                    done,
                    thread: Some(thread),
                }
            })
            .collect();
        Pipeline {
            workers,
            filling: Batch::default(),
            sent: 0,
            taken: 0,
            free: Vec::new(),
        }
    }

    /// Queues a copy of `stored`; hands every item whose batch is already done to `decide`,
    /// with its result, in the order the items were pushed.
    pub(super) fn push(&mut self, stored: &StoredItem, mut decide: impl FnMut(&StoredItem, T)) {
        let batch = &mut self.filling;
        match batch.items.get_mut(batch.len) {
            Some(slot) => copy_into(slot, stored),
            None => batch.items.push(stored.clone()),
        }
        batch.len += 1;
        if batch.len < BATCH {
            return;
        }
        self.send();
        while self.sent - self.taken >= self.workers.len() * IN_FLIGHT {
            self.take(&mut decide);
        }
    }

    /// Works through what is left and hands it to `decide`, then ends the threads.
    pub(super) fn finish(mut self, mut decide: impl FnMut(&StoredItem, T)) {
        if self.filling.len > 0 {
            self.send();
        }
        while self.taken < self.sent {
            self.take(&mut decide);
        }
        for worker in &mut self.workers {
            worker.jobs = None;
            if let Some(Err(panic)) = worker.thread.take().map(JoinHandle::join) {
                std::panic::resume_unwind(panic);
            }
        }
    }

    fn send(&mut self) {
        let next = self.free.pop().unwrap_or_default();
        let batch = std::mem::replace(&mut self.filling, next);
        let index = self.sent % self.workers.len();
        let sent = self.workers[index]
            .jobs
            .as_ref()
            .map(|jobs| jobs.send(batch));
        if !matches!(sent, Some(Ok(()))) {
            self.thread_died(index);
        }
        self.sent += 1;
    }

    /// Takes back the oldest batch sent, waiting for it, and hands it to `decide`.
    fn take(&mut self, decide: &mut impl FnMut(&StoredItem, T)) {
        let index = self.taken % self.workers.len();
        let Ok(mut batch) = self.workers[index].done.recv() else {
            self.thread_died(index);
        };
        self.taken += 1;
        for (item, result) in batch.items.iter().zip(batch.results.drain(..)) {
            decide(item, result);
        }
        batch.len = 0;
        self.free.push(batch);
    }

    /// A worker thread is gone before its work was done: it panicked, and its panic is the
    /// replay's.
    fn thread_died(&mut self, index: usize) -> ! {
        let worker = &mut self.workers[index];
        worker.jobs = None;
        match worker.thread.take().map(JoinHandle::join) {
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            _ => unreachable!("a worker thread ends early only by panicking"),
        }
    }
}

/// `from` copied into `to`, reusing `to`'s strings.
fn copy_into(to: &mut StoredItem, from: &StoredItem) {
    let (into, item) = (&mut to.item, &from.item);
    into.feed.clone_from(&item.feed);
    into.entry_id.clone_from(&item.entry_id);
    into.title.clone_from(&item.title);
    into.summary.clone_from(&item.summary);
    into.content.clone_from(&item.content);
    into.authors.clone_from(&item.authors);
    into.categories.clone_from(&item.categories);
    into.link.clone_from(&item.link);
    into.canonical_link.clone_from(&item.canonical_link);
    into.published = item.published;
    into.updated = item.updated;
    to.first_seen_at = from.first_seen_at;
    to.alertable = from.alertable;
    to.has_text = from.has_text;
}
