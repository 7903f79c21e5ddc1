//! Turns: the order in which the polls of one pass commit, whatever order their fetches
//! finish in.
//!
//! `run --once` fetches feeds concurrently, and which poll reaches the story index first
//! decides which report leads a story and, through the document frequencies, how later ones
//! score. So a pass hands each feed a [`Turn`] in an order that does not depend on the config
//! or the network (feed names), and a poll takes the index only on its turn. A poll that ends
//! early (unchanged, failed) gives its turn up when it is dropped, so no one waits for it; at
//! most the pass's concurrency of parsed documents wait for their turn.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use tokio::sync::watch;

/// Hands out the turns of one pass, numbered from 0.
#[derive(Debug)]
pub struct Turns {
    /// The first turn not yet over.
    next: watch::Sender<usize>,
    /// Turns over before an earlier one.
    early: Mutex<BTreeSet<usize>>,
}

/// One poll's place in the order; dropping it ends the turn.
#[derive(Debug)]
pub struct Turn {
    turns: Arc<Turns>,
    number: usize,
}

impl Turns {
    pub fn new() -> Arc<Turns> {
        Arc::new(Turns {
            next: watch::Sender::new(0),
            early: Mutex::new(BTreeSet::new()),
        })
    }

    /// The turn `number`; every number is handed out once, and all of `0..n` must be.
    pub fn turn(self: &Arc<Turns>, number: usize) -> Turn {
        Turn {
            turns: Arc::clone(self),
            number,
        }
    }

    fn end(&self, number: usize) {
        let mut early = self.early.lock().unwrap_or_else(|e| e.into_inner());
        early.insert(number);
        self.next.send_modify(|next| {
            while early.remove(next) {
                *next += 1;
            }
        });
    }
}

impl Turn {
    /// Waits until every earlier turn is over.
    pub async fn wait(&self) {
        let mut next = self.turns.next.subscribe();
        // The sender lives in `self.turns`, so the channel cannot close while we wait.
        let _ = next.wait_for(|next| *next >= self.number).await;
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.turns.end(self.number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn turns_come_in_order_whatever_order_they_end_in() {
        let turns = Turns::new();
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        // Turn 2 is ready first and turn 0 last; 1 gives its turn up without taking it.
        for (number, delay, takes) in [(0, 30, true), (1, 10, false), (2, 0, true)] {
            let turn = turns.turn(number);
            let order = Arc::clone(&order);
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(delay)).await;
                if takes {
                    turn.wait().await;
                    order.lock().unwrap().push(number);
                }
                drop(turn);
            }));
        }
        for task in tasks {
            task.await.expect("task");
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 2]);
    }
}
