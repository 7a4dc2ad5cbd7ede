//! The web app's entry point: mounts `payung::ui::App` on the page.

fn main() {
    yew::Renderer::<payung::ui::App>::new().render();
}
