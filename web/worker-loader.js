// Starts the engine's background thread (src/bin/worker.rs, see ui::compute): loads the
// wasm-bindgen glue Trunk built for the worker, then its wasm. Replaces Trunk's loader shim,
// whose call form wasm-bindgen now reports as deprecated in the console.
importScripts('./payung-worker.js');
wasm_bindgen({ module_or_path: './payung-worker_bg.wasm' });
