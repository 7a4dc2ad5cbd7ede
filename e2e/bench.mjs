// UI benchmark (not a test), at normal speed and with 4× CPU throttling: time to first paint
// (first contentful paint: on a first visit the screen drawn ahead) and to first render (the
// app's three charts); over 100 slider moves, echo (input → next painted frame) and fresh
// (input → the frame showing the new headline and charts); echo during a drag of 30 steps, one
// per frame; how many chart elements each move touches (a MutationObserver on every chart:
// elements whose attributes or text changed, plus every element added or removed, subtrees
// counted; charts out of sight follow once the moves settle, so these are the charts in
// sight); a real drag with the mouse (trusted input) timed by the browser's Event Timing API
// (input to the next paint after its handlers: the echo as the user sees it); the page's JS
// heap and wasm memory before and after 1,000 more moves; the sizes of the built .wasm and
// .js, main thread and worker; and fresh for the national scenario (one province's source
// edited, every region worked out again).
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

async function run(throttle, memoryMoves) {
  // No service worker: its precaching would compete with the moves being timed.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  // boot.js announces the wasm instance; keep its memory to read its size later.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__payungWasm = e.detail.wasm; }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const t0 = Date.now();
  await page.goto(base);
  const firstRender = await page.waitForFunction(() => document.querySelectorAll('.app .chart svg').length === 3 && performance.now());
  const firstMs = await firstRender.jsonValue();
  // The first paint: on this first visit the default screen drawn ahead (web/boot.js).
  const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const wall = Date.now() - t0;
  // Each move: set the APBD slider and fire `input`. Echo: until the next frame has been
  // painted (rAF, then a message posted from it runs after the paint). Fresh: until the frame
  // in which the headline card shows the new answer (the charts are redrawn in the same render).
  const timed = await page.evaluate(async (n) => {
    const slider = document.querySelector('#f-source-0-yearly');
    const card = document.querySelector('#card-coverage');
    const touched = new Set();
    const count = (node) => (node.nodeType === 1 ? 1 + node.querySelectorAll('*').length : 0);
    let addedOrRemoved = 0;
    const handle = (records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          r.addedNodes.forEach((node) => { addedOrRemoved += count(node); });
          r.removedNodes.forEach((node) => { addedOrRemoved += count(node); });
        } else {
          touched.add(r.type === 'characterData' ? r.target.parentElement : r.target);
        }
      }
    };
    const observer = new MutationObserver(handle);
    for (const chart of document.querySelectorAll('.chart')) {
      observer.observe(chart, { subtree: true, attributes: true, childList: true, characterData: true });
    }
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = resolve;
      ch.port2.postMessage(0);
    }));
    const max = Number(slider.max);
    const move = (fraction) => {
      slider.value = String(Math.round(max * fraction));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const echo = [], fresh = [], mutated = [];
    for (let i = 0; i < n; i++) {
      const before = card.innerText;
      move(0.15 + 0.7 * ((i * 37) % 100) / 100);
      const t = performance.now();
      await painted();
      echo.push(performance.now() - t);
      while (card.innerText === before) await painted();
      fresh.push(performance.now() - t);
      handle(observer.takeRecords());
      mutated.push(touched.size + addedOrRemoved);
      touched.clear();
      addedOrRemoved = 0;
    }
    // A drag: 30 steps of 0.5% of the range, one per frame, without waiting for answers.
    const dragEcho = [];
    move(0.5);
    await painted();
    for (let i = 1; i <= 30; i++) {
      move(0.5 + 0.005 * i);
      const t = performance.now();
      await painted();
      dragEcho.push(performance.now() - t);
    }
    observer.disconnect();
    return { echo, fresh, mutated, dragEcho };
  }, moves);
  // A real drag (trusted mouse input, so the browser's Event Timing API reports it): the mouse
  // holds the slider's thumb and moves 60 steps. Each `input` event's duration is from the
  // input to the next paint after its handlers (rounded to 8 ms by the browser); events
  // under 16 ms are not reported, so they count as "within a frame".
  const trusted = await (async () => {
    await page.evaluate(() => {
      window.__inputs = 0;
      window.__slow = [];
      document.querySelector('#f-source-0-yearly').addEventListener('input', () => { window.__inputs += 1; });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'input' || e.name === 'pointermove') window.__slow.push([e.name, e.duration]);
      }).observe({ type: 'event', durationThreshold: 16 });
    });
    const slider = page.locator('#f-source-0-yearly');
    const typed = await page.inputValue('#f-source-0-yearly-text');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + box.width * (0.2 + 0.6 * i / 60), y);
    await page.mouse.up();
    // Let the last events be reported (the observer runs after paint).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const { inputs, slow } = await page.evaluate(() => ({ inputs: window.__inputs, slow: window.__slow }));
    // The drag keeps the slider's range; type the budget back, so that later moves start
    // where the drag did, on a range fitted to it.
    await page.fill('#f-source-0-yearly-text', typed);
    await page.press('#f-source-0-yearly-text', 'Enter');
    await page.waitForFunction((t) => document.querySelector('#f-source-0-yearly-text').value === t
      && !document.querySelector('.field.invalid'), typed, { timeout: 30_000 });
    const slowInputs = slow.filter(([n]) => n === 'input').map(([, d]) => d).sort((a, b) => a - b);
    // p95 over all inputs: unreported ones are under 16 ms.
    const rank = Math.ceil(inputs * 0.95);
    const fast = inputs - slowInputs.length;
    const p95 = rank <= fast ? '< 16' : String(slowInputs[rank - fast - 1]);
    return { inputs, over16: slowInputs.length, p95, worst: slowInputs.at(-1) ?? 0 };
  })();
  // Memory after many moves (normal speed only): the page's JS heap and the wasm memory,
  // after a garbage collection, before and after `memoryMoves` more moves.
  let memory = null;
  if (memoryMoves > 0) {
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__payungWasm?.memory?.buffer?.byteLength ?? 0);
      return { jsHeap: heap.usedSize, wasm };
    };
    const before = await measure();
    await page.evaluate(async (n) => {
      const slider = document.querySelector('#f-source-0-yearly');
      const card = document.querySelector('#card-coverage');
      const max = Number(slider.max);
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = resolve;
        ch.port2.postMessage(0);
      }));
      for (let i = 0; i < n; i++) {
        const before = card.innerText;
        slider.value = String(Math.round(max * (0.15 + 0.7 * ((i * 53) % 100) / 100)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        let frames = 0;
        while (card.innerText === before && frames++ < 120) await painted();
      }
    }, memoryMoves);
    memory = { moves: memoryMoves, before, after: await measure() };
  }
  await page.close();
  const { echo, fresh, mutated, dragEcho } = timed;
  return {
    throttle, firstPaintMs: Math.round(firstPaintMs), firstRenderMs: Math.round(firstMs), wallMs: wall, trusted,
    echoP50: pct(echo, 0.5), echoP95: pct(echo, 0.95),
    freshP50: pct(fresh, 0.5), freshP95: pct(fresh, 0.95), freshMax: Math.max(...fresh),
    dragEchoP50: pct(dragEcho, 0.5), dragEchoP95: pct(dragEcho, 0.95),
    mutatedP50: pct(mutated, 0.5), mutatedMax: Math.max(...mutated),
    memory,
  };
}

// The national scenario (issue 11: fresh <= 100 ms at 1x): Maluku opened in "Seluruh
// Indonesia", its APBD provinsi typed anew 20 times; fresh is the input to the frame in which
// the province's sentence shows the new plan (every province and kab/kota worked out again
// by the engine's thread, the table and the map redrawn).
async function runNational(throttle) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(new URL('#national=81', base).href);
  await page.waitForFunction(() => document.querySelectorAll('#national-table tbody tr').length === 11
    && document.querySelector('#prov-src-0-amount-text'), null, { timeout: 120_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const fresh = await page.evaluate(async () => {
    const field = document.querySelector('#prov-src-0-amount-text');
    const sentence = document.querySelector('#national-summary');
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = resolve;
      ch.port2.postMessage(0);
    }));
    const times = [];
    for (let i = 0; i < 20; i++) {
      const before = sentence.textContent;
      field.value = `${20 + ((i * 37) % 100)}.000.000.000`;
      const t = performance.now();
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      let frames = 0;
      do await painted(); while (sentence.textContent === before && frames++ < 600);
      times.push(performance.now() - t);
    }
    return times;
  });
  await page.close();
  return { throttle, freshP50: pct(fresh, 0.5), freshP95: pct(fresh, 0.95), freshMax: Math.max(...fresh) };
}

const results = [await run(1, 1000), await run(4, 0)];
const national = [await runNational(1), await runNational(4)];
await browser.close();
console.log(JSON.stringify({ sizes, results, national }, null, 2));
console.log('\n| build file | raw | gzip -9 | brotli 11 |\n|---|---|---|---|');
for (const s of sizes) console.log(`| ${s.file.replace(/-[0-9a-f]{16}/, '')} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
console.log('\n| CPU | first paint | first render | echo p50 / p95 | fresh p50 / p95 / max | drag echo p50 / p95 | chart elements touched per move p50 / max |\n|---|---|---|---|---|---|---|');
const ms = (x) => `${x.toFixed(1)} ms`;
for (const r of results) console.log(`| ${r.throttle}× | ${r.firstPaintMs} ms | ${r.firstRenderMs} ms | ${ms(r.echoP50)} / ${ms(r.echoP95)} | ${ms(r.freshP50)} / ${ms(r.freshP95)} / ${ms(r.freshMax)} | ${ms(r.dragEchoP50)} / ${ms(r.dragEchoP95)} | ${r.mutatedP50} / ${r.mutatedMax} |`);
console.log('\n| CPU | real drag: input events | over 16 ms | p95 input → next paint (Event Timing) | worst |\n|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.throttle}× | ${r.trusted.inputs} | ${r.trusted.over16} | ${r.trusted.p95} ms | ${r.trusted.worst} ms |`);
for (const r of results.filter((r) => r.memory)) {
  const { before, after, moves: n } = r.memory;
  console.log(`\nMemory over ${n} more moves (${r.throttle}×, after garbage collection): JS heap ${before.jsHeap} → ${after.jsHeap} B; wasm memory ${before.wasm} → ${after.wasm} B`);
}
console.log('\n| national scenario (Maluku edited, 514 kab/kota) | fresh p50 / p95 / max |\n|---|---|');
for (const r of national) console.log(`| ${r.throttle}× | ${ms(r.freshP50)} / ${ms(r.freshP95)} / ${ms(r.freshMax)} |`);
