//! The window's panels. Each takes the state it shows; none owns any.

pub mod reader;
