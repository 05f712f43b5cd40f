//! OpenCC's Traditional→Simplified table, fetched when first needed rather
//! than carried in the first load: build.rs writes it as a content-hashed
//! data file beside index.html (`LATTICE_TS_TABLE`), which the service worker
//! precaches with the shell, so it is there offline. It is asked for when
//! the reader focuses the search box or searches, opens a page that folds
//! text (search, a document opened from a hit, the glossary), or turns on
//! the Simplified display; [`load`] installs it in the core
//! (`lattice_core::fold::install_table`) and says so. Whatever must fold
//! exactly waits for [`ready`]: a search is "searching" meanwhile, never
//! wrong. A debug build (component tests) embeds the table and fetches
//! nothing; natively (the app's native tests) the core carries it.

use std::cell::RefCell;
use yew::Callback;

/// The data file's name, relative to index.html.
const PATH: &str = env!("LATTICE_TS_TABLE");

/// Where fetching the table stands.
#[derive(Clone, Debug, Default, PartialEq)]
enum Stage {
    /// Not asked for yet.
    #[default]
    Idle,
    /// On its way; these are told when it is in (or failed).
    Loading(Vec<Callback<()>>),
    /// It could not be fetched or read: why.
    Failed(String),
}

thread_local! {
    static STAGE: RefCell<Stage> = const { RefCell::new(Stage::Idle) };
}

/// The table, in a debug build (build.rs); empty in a release build, which
/// fetches it.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/opencc.bin"));

/// Whether Traditional characters fold to Simplified yet (a debug build
/// installs its embedded table on the first call).
pub fn ready() -> bool {
    if !lattice_core::fold::has_table() && !EMBEDDED.is_empty() {
        let _ = lattice_core::fold::install_table(EMBEDDED);
    }
    lattice_core::fold::has_table()
}

/// Why the table could not be had, once fetching it failed (until a
/// [`retry`]).
pub fn failure() -> Option<String> {
    STAGE.with_borrow(|s| match s {
        Stage::Failed(why) => Some(why.clone()),
        _ => None,
    })
}

/// Fetch and install the table unless it is in place, on its way or
/// failed; `done` is called once it is in or has failed.
pub fn load(done: Callback<()>) {
    if ready() {
        return;
    }
    let start = STAGE.with_borrow_mut(|s| match s {
        Stage::Idle => {
            *s = Stage::Loading(vec![done]);
            true
        }
        Stage::Loading(waiting) => {
            waiting.push(done);
            false
        }
        Stage::Failed(_) => false,
    });
    if !start {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let request = gloo::utils::window().fetch_with_str(PATH);
        let got = crate::corpus::response_bytes(wasm_bindgen_futures::JsFuture::from(request))
            .await
            .and_then(|bytes| lattice_core::fold::install_table(&bytes).map_err(|e| e.to_string()));
        let next = match got {
            Ok(()) => Stage::Idle,
            Err(why) => Stage::Failed(format!("{PATH}: {why}")),
        };
        let waiting = STAGE.with_borrow_mut(|s| match std::mem::replace(s, next) {
            Stage::Loading(waiting) => waiting,
            _ => Vec::new(),
        });
        for callback in waiting {
            callback.emit(());
        }
    });
}

/// Forget a failure, so the next [`load`] tries again.
pub fn retry() {
    STAGE.with_borrow_mut(|s| {
        if matches!(s, Stage::Failed(_)) {
            *s = Stage::Idle;
        }
    });
}
