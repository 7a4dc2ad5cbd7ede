// Starts the Payung wasm app. Loaded as an external module so the page's
// Content-Security-Policy allows it without 'unsafe-inline' (see Trunk.toml).
// Trunk writes the hashed names of the wasm-bindgen glue and the wasm file into
// <meta name="payung-app" data-js=… data-wasm=…>.
const app = document.querySelector('meta[name="payung-app"]');
if (!app) {
  throw new Error('boot.js: <meta name="payung-app"> missing; build with trunk (Trunk.toml pattern_script)');
}
const { default: init } = await import(app.dataset.js);
const wasm = await init({ module_or_path: app.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
