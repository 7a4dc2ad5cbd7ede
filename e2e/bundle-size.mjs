// Bundle budget: the brotli size (quality 11) of a build's wasm + js for each thing a page
// downloads to start: the full app's main thread (payung-web*, boot.js), the embed's main
// thread (payung-embed*, boot.js: web/boot.js loads it instead for an embed address), and
// the engine's background thread (the Web Worker: payung-worker*, worker-loader.js), which
// both start. The full app's panels below the first screen (split_panels.wasm; ui::components::lazy) come after it starts: their total is reported apart,
// with its own ceiling.
//
//   node e2e/bundle-size.mjs [DIR=dist]
//
// Fails (exit 1) when a part is above its budget: PAYUNG_BUNDLE_BUDGET (the full app),
// PAYUNG_EMBED_BUDGET, PAYUNG_WORKER_BUDGET and PAYUNG_LAZY_BUDGET bytes (defaults below). The aim for a main
// thread is 350 KB (issue 11); the defaults are ceilings against growth.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const dir = process.argv[2] ?? 'dist';
const parts = {
  main: { label: 'the full app (main thread, to start)', budget: Number(process.env.PAYUNG_BUNDLE_BUDGET ?? 350_000) },
  lazy: { label: "the full app's panels fetched after the start", budget: Number(process.env.PAYUNG_LAZY_BUDGET ?? 180_000) },
  embed: { label: 'the embed (main thread)', budget: Number(process.env.PAYUNG_EMBED_BUDGET ?? 322_000) },
  worker: { label: 'the worker', budget: Number(process.env.PAYUNG_WORKER_BUDGET ?? 188_000) },
};
/** Which parts load a file. */
function partsOf(f) {
  if (f.startsWith('payung-worker') || f === 'worker-loader.js') return ['worker'];
  if (f.startsWith('payung-embed')) return ['embed'];
  if (f.startsWith('boot')) return ['main', 'embed'];
  if (/^(split|chunk)_\w+\.wasm$/.test(f)) return ['lazy'];
  return ['main'];
}
// The service worker and the offline helper are not part of the app's start-up.
const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && f !== 'sw.js' && !f.startsWith('offline-'));
const totals = { main: 0, lazy: 0, embed: 0, worker: 0 };
for (const f of files) {
  const raw = readFileSync(path.join(dir, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const of = partsOf(f);
  for (const part of of) totals[part] += br;
  console.log(`${String(br).padStart(9)} B brotli  ${String(raw.length).padStart(9)} B raw  ${of.join('+').padEnd(10)} ${f}`);
}
for (const [part, { label, budget }] of Object.entries(parts)) {
  console.log(`${String(totals[part]).padStart(9)} B brotli for ${label} (budget ${budget} B)`);
  if (totals[part] > budget) {
    console.log(`FAIL: ${label} is over its budget by ${totals[part] - budget} B`);
    process.exitCode = 1;
  }
}
