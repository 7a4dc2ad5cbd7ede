// UI benchmark (not a test): input-to-repaint over 100 slider moves, at normal speed and
// with 4× CPU throttling; time to first render; sizes of the built .wasm and .js.
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
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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
    }
    return out;
  }, moves);
  await page.close();
  return { throttle, firstRenderMs: Math.round(firstMs), wallMs: wall, p50: pct(times, 0.5), p95: pct(times, 0.95), max: Math.max(...times) };
}

const results = [await run(1), await run(4)];
await browser.close();
console.log(JSON.stringify({ sizes, results }, null, 2));
console.log('\n| build file | raw | gzip -9 | brotli 11 |\n|---|---|---|---|');
for (const s of sizes) console.log(`| ${s.file.replace(/-[0-9a-f]{16}/, '')} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
console.log('\n| CPU | first render | input-to-repaint p50 | p95 | max |\n|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.throttle}× | ${r.firstRenderMs} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
