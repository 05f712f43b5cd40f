//! The browser entry point: Trunk builds this binary to WebAssembly; all the
//! app lives in the library so component tests can mount it too.

fn main() {
    lattice_app::start();
}
