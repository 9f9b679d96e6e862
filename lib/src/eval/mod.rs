//! Evaluations against outside benchmarks (`gazette eval ...`).
//!
//! | benchmark | module |
//! | --- | --- |
//! | PETRARCH's validation suite, coded with its own dictionaries | [`petrarch`] |

pub mod petrarch;
