//! The web app's background thread (a Web Worker that Trunk builds from
//! `<link data-trunk rel="rust" data-bin="payung-worker" data-type="worker">`): runs the
//! engine's jobs for the page (`payung::ui::compute::worker`).

fn main() {
    payung::ui::compute::worker::register();
}
