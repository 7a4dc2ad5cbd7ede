// Bundle budget: the brotli size (quality 11) of a build's wasm + js, for the main thread
// and, separately, for the engine's background thread (the Web Worker: payung-worker*,
// worker-loader.js).
//
//   node e2e/bundle-size.mjs [DIR=dist]
//
// Fails (exit 1) when the main thread is above PAYUNG_BUNDLE_BUDGET bytes or the worker
// above PAYUNG_WORKER_BUDGET bytes (defaults below). The aim for the main thread is 350 KB
// (issue 11); the defaults are ceilings against growth.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const dir = process.argv[2] ?? 'dist';
const budgets = {
  main: Number(process.env.PAYUNG_BUNDLE_BUDGET ?? 526_000),
  worker: Number(process.env.PAYUNG_WORKER_BUDGET ?? 185_000),
};
const isWorker = (f) => f.startsWith('payung-worker') || f === 'worker-loader.js';
// The service worker and the offline helper are not part of the app's start-up.
const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && f !== 'sw.js' && !f.startsWith('offline-'));
const totals = { main: 0, worker: 0 };
for (const f of files) {
  const raw = readFileSync(path.join(dir, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const part = isWorker(f) ? 'worker' : 'main';
  totals[part] += br;
  console.log(`${String(br).padStart(9)} B brotli  ${String(raw.length).padStart(9)} B raw  ${part.padEnd(6)} ${f}`);
}
for (const part of ['main', 'worker']) {
  console.log(`${String(totals[part]).padStart(9)} B brotli for the ${part === 'main' ? 'main thread' : 'worker'} (budget ${budgets[part]} B)`);
  if (totals[part] > budgets[part]) {
    console.log(`FAIL: the ${part} bundle is over its budget by ${totals[part] - budgets[part]} B`);
    process.exitCode = 1;
  }
}
