//! The app's component tests, in a real browser (headless Chromium, and
//! Firefox in scripts/test.sh): the app mounted into a DOM and checked the way
//! a reader meets it. One test binary of four modules, because
//! wasm-bindgen-test-runner prepares each binary on its own (tens of seconds
//! each) before any browser starts.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[allow(dead_code)]
mod common;

mod blocks;
mod popover;
mod reader;
mod search;
