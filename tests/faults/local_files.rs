//! Faults of this area (issue 16); helpers of tests/faults.rs are reachable as `super::`.
