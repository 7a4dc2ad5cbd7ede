//! The embed's entry point (`?embed=…`, see `payung::ui::embed`): the same engine thread as
//! the full app, and only the compact view, so a page that embeds Payung downloads about a
//! third less than the full app (`web/boot.js` loads this bundle for an embed address).
//! Like `src/main.rs`, it starts the engine's thread, then mounts the view in the next task.

fn main() {
    // It reads only the answers it asks for (`ui::embed::EmbedAnswer`).
    payung::ui::compute::install_workers_reading::<payung::ui::embed::EmbedAnswer>(
        "worker-loader.js",
    );
    gloo::timers::callback::Timeout::new(0, || {
        yew::Renderer::<payung::ui::EmbedApp>::new().render();
    })
    .forget();
}
