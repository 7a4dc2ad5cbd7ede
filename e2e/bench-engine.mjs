// Engine benchmark in wasm (not a test): the release build's engine thread
// (payung-worker.js + payung-worker_bg.wasm, started by web/worker-loader.js as the app
// starts it) runs the same jobs as `cargo bench --bench engine`, posted straight to it as
// the app posts them (gloo-worker's messages, JSON), from a blank page of the same origin.
// Each job runs `PAYUNG_BENCH_RUNS` times (default 15) after two warm-up runs; medians (and
// the engine's least time, which load disturbs least).
// "round trip" is the page's performance.now() from posting the job to reading the reply
// (JSON both ways included); "engine" is the worker's own time for the job alone
// (`Reply::millis`, Date.now(): whole milliseconds).
// At normal speed and with the page's CPU throttled 4× (`PAYUNG_BENCH_THROTTLE=1,4`).
// Chromium refuses to throttle a worker ("only supported for pages"), so with throttling
// the engine itself still runs at full speed and only the page's side slows; the script
// tries and says which it got.
// Before/after under load: give several builds, `PAYUNG_DIST=old-dist,new-dist`; each gets
// its own worker in the same page and their runs alternate, so both see the same load.
// Usage: PAYUNG_DIST=dist node e2e/bench-engine.mjs   (or bash scripts/bench-engine.sh)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from './static-server.mjs';

const dists = (process.env.PAYUNG_DIST ?? 'dist').split(',').map((d) => path.resolve(d));
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
  // The engine keeps every province's starting run after the first national job, so a
  // later one re-runs only the provinces edited in the app: here Maluku's APBD provinsi.
  ['national plan, Maluku edited (38 provinces, 514 kab/kota, 5 years)', { National: [{ province: '81', sources: [
    { name: 'APBD Provinsi Maluku', amount: { rule: 'apbd', yearly: '80000000000' }, priority: 0, first_year: 2027, last_year: null },
  ] }] }],
];

// One origin for every build: serve their common parent.
const root = dists.reduce((a, d) => {
  while (!(d + path.sep).startsWith(a + path.sep)) a = path.dirname(a);
  return a;
}, path.dirname(dists[0]));
const loaders = dists.map((d) => `/${path.relative(root, d).split(path.sep).join('/')}/worker-loader.js`);
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

async function measure(rate) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // A blank page of the builds' origin (a worker must be same-origin).
  await page.route('**/bench-engine.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>engine bench</title>' }));
  await page.goto(`${server.url}bench-engine.html`);
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // Each worker is reached through the page's session (auto-attach, messages wrapped).
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workers = [];
  cdp.on('Target.attachedToTarget', (e) => workers.push(e));
  const replies = new Map();
  cdp.on('Target.receivedMessageFromTarget', (m) => {
    const reply = JSON.parse(m.message);
    replies.get(`${m.sessionId}:${reply.id}`)?.(reply);
  });
  await page.evaluate((urls) => Promise.all(urls.map((url, k) => new Promise((resolve, reject) => {
    const worker = new Worker(url);
    worker.onerror = (e) => reject(new Error(`worker ${url}: ${e.message}`));
    worker.onmessage = (e) => {
      if (JSON.parse(e.data) === 'WorkerLoaded') { (window.__engines ??= [])[k] = worker; resolve(); }
    };
  }))), loaders);
  let workerThrottled = rate === 1;
  if (rate !== 1) {
    const answers = await Promise.all(workers.filter((w) => w.targetInfo.type === 'worker').map(({ sessionId }) => {
      const answered = new Promise((resolve) => replies.set(`${sessionId}:1`, resolve));
      const message = JSON.stringify({ id: 1, method: 'Emulation.setCPUThrottlingRate', params: { rate } });
      return cdp.send('Target.sendMessageToTarget', { sessionId, message }).then(() => answered);
    }));
    workerThrottled = answers.length === dists.length && answers.every((a) => !a.error);
  }
  const rows = [];
  for (const [name, job] of jobs) {
    // Runs alternate between the builds: b0, b1, b0, b1, ...
    const times = await page.evaluate(async ({ job, runs }) => {
      let ticket = 0;
      const once = (worker) => new Promise((resolve) => {
        const t0 = performance.now();
        ticket += 1;
        worker.onmessage = (e) => {
          const reply = JSON.parse(e.data).ProcessOutput[1];
          const kind = typeof reply.answer === 'string' ? reply.answer : Object.keys(reply.answer)[0];
          resolve({ trip: performance.now() - t0, engine: reply.millis, kind, size: e.data.length });
        };
        // (ticket, job, provinces whose starting kab/kota the page holds: none here)
        worker.postMessage(JSON.stringify({ ProcessInput: [0, [ticket, job, []]] }));
      });
      const engines = window.__engines;
      const out = engines.map(() => []);
      for (let k = -2; k < runs; k += 1) {
        for (let b = 0; b < engines.length; b += 1) {
          const t = await once(engines[b]);
          if (k >= 0) out[b].push(t);
        }
      }
      return out;
    }, { job, runs });
    if (times.some((t) => t[0].kind === 'Invalid')) throw new Error(`${name}: a worker found the job invalid`);
    rows.push({
      name,
      builds: times.map((t) => ({ trip: median(t.map((x) => x.trip)), engine: median(t.map((x) => x.engine)), least: Math.min(...t.map((x) => x.engine)), reply: t[0].size })),
    });
  }
  await context.close();
  return { rows, workerThrottled };
}

const names = dists.map((d) => path.relative(process.cwd(), d) || '.');
console.log(`engine in wasm (${names.join(', ')}), ${runs} runs per job after 2 warm-up runs, medians`);
for (const rate of rates) {
  const { rows, workerThrottled } = await measure(rate);
  const note = rate === 1 ? '' : workerThrottled ? ' (page and worker)' : ' (the page only: Chromium cannot throttle a worker, so the engine runs at full speed)';
  console.log(`\nCPU ${rate}×${note}`);
  const head = names.map((n) => dists.length > 1 ? ` (${n})` : '');
  console.log(`| job |${head.map((h) => ` round trip${h} (ms) | engine${h} (ms, least in parentheses) |`).join('')} reply (bytes) |`);
  console.log(`|---|${head.map(() => '---|---|').join('')}---|`);
  for (const r of rows) {
    const cells = r.builds.map((b) => ` ${b.trip.toFixed(1)} | ${b.engine.toFixed(0)} (${b.least}) |`).join('');
    console.log(`| ${r.name} |${cells} ${r.builds[0].reply.toLocaleString('en')} |`);
  }
}
await browser.close();
await server.stop();
