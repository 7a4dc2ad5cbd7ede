// Engine benchmark in wasm (not a test): the release build's engine thread
// (payung-worker.js + payung-worker_bg.wasm, started by web/worker-loader.js as the app
// starts it) runs the same jobs as `cargo bench --bench engine`, posted straight to it as
// the app posts them (gloo-worker's messages, JSON), from a blank page of the same origin.
// Each job runs `PAYUNG_BENCH_RUNS` times (default 15) after two warm-up runs, at normal
// speed and with 4× CPU throttling of the page (Chromium refuses to throttle a worker, so
// there the engine itself runs at full speed; the script says so); medians.
// "round trip" is the page's performance.now() from posting the job to reading the reply
// (JSON both ways included); "engine" is the worker's own time for the job alone
// (`Reply::millis`, Date.now(), whole milliseconds).
// Usage: PAYUNG_DIST=dist node e2e/bench-engine.mjs   (or bash scripts/bench-engine.sh)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';

const dist = process.env.PAYUNG_DIST ?? 'dist';
const runs = Number(process.env.PAYUNG_BENCH_RUNS ?? 15);
const rates = (process.env.PAYUNG_BENCH_THROTTLE ?? '1,4').split(',').map(Number);

const preset = (id) => JSON.parse(readFileSync(new URL(`../data/presets/${id}.json`, import.meta.url))).scenario;
// As benches/engine.rs: ambon over 10 years; the goal-seek and the plan on ambon (5 years)
// for 100% by 2029, on its APBD source.
const decade = preset('ambon');
decade.horizon.years = 10;
const seek = preset('ambon');
seek.target = { coverage: '1', year: 2029 };
const apbd = seek.sources.findIndex((s) => s.name === 'APBD Kota Ambon');
const jobs = [
  ['ambon, 10 years, one run', { Outcome: decade }],
  ['Monte Carlo, ambon 10 years, 1,000 draws', { Bands: { scenario: decade, draws: 1000, seed: 2026 } }],
  ['flat goal-seek (ambon, 100% by 2029)', { GoalSeek: { scenario: seek, source: apbd, current: null } }],
  ['plan by year (ambon, 5 years)', { Plan: { scenario: seek, sources: [apbd] } }],
  ['national plan (38 provinces, 514 kab/kota, 5 years)', 'National'],
];

const server = await serve(dist);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

async function measure(rate) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // A blank page of the build's origin (the worker must be same-origin).
  await page.route('**/bench-engine.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>engine bench</title>' }));
  await page.goto(`${server.url}bench-engine.html`);
  // Throttle the page and, once it exists, the worker (each has its own CPU throttling).
  const throttle = async (session) => { if (rate !== 1) await session.send('Emulation.setCPUThrottlingRate', { rate }); };
  await throttle(await context.newCDPSession(page));
  // The worker has a CPU throttling of its own: reach it through the page's session
  // (auto-attach, messages wrapped for its target).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const attached = new Promise((resolve) => cdp.on('Target.attachedToTarget', resolve));
  await page.evaluate(() => new Promise((resolve, reject) => {
    const worker = new Worker('./worker-loader.js');
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
    worker.onmessage = (e) => {
      if (JSON.parse(e.data) === 'WorkerLoaded') { window.__engine = worker; resolve(); }
    };
  }));
  const { sessionId, targetInfo } = await attached;
  if (targetInfo.type !== 'worker') throw new Error(`attached to a ${targetInfo.type}, not the worker`);
  // Chromium refuses CPU throttling on a worker target ("only supported for pages"): try,
  // and say so in the table's heading when it is refused.
  let workerThrottled = rate === 1;
  if (rate !== 1) {
    const answered = new Promise((resolve) => cdp.on('Target.receivedMessageFromTarget', (m) => {
      const reply = JSON.parse(m.message);
      if (reply.id === 1) resolve(reply);
    }));
    const message = JSON.stringify({ id: 1, method: 'Emulation.setCPUThrottlingRate', params: { rate } });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message });
    workerThrottled = !(await answered).error;
  }
  const rows = [];
  for (const [name, job] of jobs) {
    const times = await page.evaluate(async ({ job, runs }) => {
      const worker = window.__engine;
      let ticket = 0;
      const once = () => new Promise((resolve) => {
        const t0 = performance.now();
        ticket += 1;
        worker.onmessage = (e) => {
          const reply = JSON.parse(e.data).ProcessOutput[1];
          const kind = typeof reply.answer === 'string' ? reply.answer : Object.keys(reply.answer)[0];
          resolve({ trip: performance.now() - t0, engine: reply.millis, kind, size: e.data.length });
        };
        worker.postMessage(JSON.stringify({ ProcessInput: [0, [ticket, job]] }));
      });
      await once();
      await once();
      const out = [];
      for (let k = 0; k < runs; k += 1) out.push(await once());
      return out;
    }, { job, runs });
    const kind = times[0].kind;
    if (kind === 'Invalid') throw new Error(`${name}: the worker found the job invalid`);
    rows.push({ name, trip: median(times.map((t) => t.trip)), engine: median(times.map((t) => t.engine)), reply: times[0].size });
  }
  await context.close();
  return { rows, workerThrottled };
}

console.log(`engine in wasm (${dist}), ${runs} runs per job after 2 warm-up runs, medians`);
for (const rate of rates) {
  const { rows, workerThrottled } = await measure(rate);
  const note = rate === 1 ? '' : workerThrottled ? ' (page and worker)' : ' (the page only: Chromium cannot throttle a worker, so the engine runs at full speed)';
  console.log(`\nCPU ${rate}×${note}`);
  console.log('| job | round trip (ms) | engine (ms) | reply (bytes) |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.trip.toFixed(1)} | ${r.engine.toFixed(0)} | ${r.reply.toLocaleString('en')} |`);
}
await browser.close();
await server.stop();
