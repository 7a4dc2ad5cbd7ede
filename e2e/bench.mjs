// UI benchmark (not a test): input-to-repaint over 100 slider moves, at normal speed and
// with 4× CPU throttling; time to first render; sizes of the built .wasm and .js; and how
// many chart elements each move touches (a MutationObserver on the charts: elements whose
// attributes or text changed, plus every element added or removed, subtrees counted).
// Usage: PAYUNG_BASE_URL=http://127.0.0.1:PORT/ PAYUNG_DIST=dist node e2e/bench.mjs
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const base = process.env.PAYUNG_BASE_URL;
const dist = process.env.PAYUNG_DIST ?? 'dist';
const moves = 100;

const sizes = readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f)).map((f) => {
  const raw = readFileSync(path.join(dist, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: br.length };
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function run(throttle) {
  // No service worker: its precaching would compete with the moves being timed.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const t0 = Date.now();
  await page.goto(base);
  const firstRender = await page.waitForFunction(() => document.querySelectorAll('.chart svg').length === 3 && performance.now());
  const firstMs = await firstRender.jsonValue();
  const wall = Date.now() - t0;
  // Each move: set the APBD slider, fire `input`, and time until the frame after the DOM
  // changed has been painted (rAF, then a message posted from it runs after the paint).
  const times = await page.evaluate(async (n) => {
    const slider = document.querySelector('#f-source-0-yearly');
    const card = document.querySelector('#card-coverage');
    const charts = document.querySelector('.charts');
    const touched = new Set();
    const count = (node) => (node.nodeType === 1 ? 1 + node.querySelectorAll('*').length : 0);
    let addedOrRemoved = 0;
    const handle = (records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          r.addedNodes.forEach((n) => { addedOrRemoved += count(n); });
          r.removedNodes.forEach((n) => { addedOrRemoved += count(n); });
        } else {
          touched.add(r.type === 'characterData' ? r.target.parentElement : r.target);
        }
      }
    };
    const observer = new MutationObserver(handle);
    observer.observe(charts, { subtree: true, attributes: true, childList: true, characterData: true });
    const mutated = [];
    const out = [];
    const max = Number(slider.max);
    for (let i = 0; i < n; i++) {
      const before = card.innerText;
      slider.value = String(Math.round(max * (0.15 + 0.7 * ((i * 37) % 100) / 100)));
      const t = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => (card.innerText !== before ? resolve() : check());
          ch.port2.postMessage(0);
        });
        check();
      });
      out.push(performance.now() - t);
      handle(observer.takeRecords());
      mutated.push(touched.size + addedOrRemoved);
      touched.clear();
      addedOrRemoved = 0;
    }
    // A drag: 20 small steps (0.5% of the range each) from the middle.
    const dragged = [];
    slider.value = String(Math.round(max * 0.5));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    handle(observer.takeRecords());
    touched.clear();
    addedOrRemoved = 0;
    for (let i = 1; i <= 20; i++) {
      const before = card.innerText;
      slider.value = String(Math.round(max * (0.5 + 0.005 * i)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => (card.innerText !== before ? resolve() : check());
          ch.port2.postMessage(0);
        });
        check();
      });
      handle(observer.takeRecords());
      dragged.push(touched.size + addedOrRemoved);
      touched.clear();
      addedOrRemoved = 0;
    }
    observer.disconnect();
    return { out, mutated, dragged };
  }, moves);
  await page.close();
  const { out, mutated, dragged } = times;
  return {
    throttle, firstRenderMs: Math.round(firstMs), wallMs: wall,
    p50: pct(out, 0.5), p95: pct(out, 0.95), max: Math.max(...out),
    mutatedP50: pct(mutated, 0.5), mutatedMax: Math.max(...mutated),
    dragP50: pct(dragged, 0.5), dragMax: Math.max(...dragged),
  };
}

const results = [await run(1), await run(4)];
await browser.close();
console.log(JSON.stringify({ sizes, results }, null, 2));
console.log('\n| build file | raw | gzip -9 | brotli 11 |\n|---|---|---|---|');
for (const s of sizes) console.log(`| ${s.file.replace(/-[0-9a-f]{16}/, '')} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
console.log('\n| CPU | first render | input-to-repaint p50 | p95 | max | chart elements touched per move p50 / max | per drag step p50 / max |\n|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.throttle}× | ${r.firstRenderMs} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.mutatedP50} / ${r.mutatedMax} | ${r.dragP50} / ${r.dragMax} |`);
