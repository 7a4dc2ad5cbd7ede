// Embeds (issue 5): the explainer page (examples/explainer.html, strict CSP) with two
// Payung iframes on the same origin; a slider moved in one changes only that one's chart;
// the height message arrives in the documented shape and the iframe takes that height; a
// bad parameter shows a notice and still a chart; the generator builds a working snippet.
// e2e/suite.test.mjs also fails each test on any request that leaves 127.0.0.1, any HTTP error
// and any console error (so a CSP violation on the explainer page fails it too).
import { copyFile, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, waitFor, waitForText, textOf } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.PAYUNG_DIST ?? 'dist');

/** Copies the explainer and its resize script into the served folder. */
async function installExplainer() {
  for (const file of ['explainer.html', 'embed-resize.js']) {
    await copyFile(path.join(root, 'examples', file), path.join(dist, file));
  }
}

/** Records, in the top page only, every message with the iframe it came from. */
function recordMessages() {
  if (window.top !== window) return;
  window.__payungMessages = [];
  window.addEventListener('message', (event) => {
    const frames = [...document.querySelectorAll('iframe')];
    window.__payungMessages.push({ frame: frames.findIndex((f) => f.contentWindow === event.source), data: event.data });
  });
}

const svgOf = (frame, id) => frame.evaluate((id) => document.querySelector(`#${id} svg`)?.outerHTML ?? '', id);

/** Waits until iframe `index` of the page has received a height message and taken that height. */
async function heightApplied(page, index) {
  return waitFor(page, (i) => {
    const mine = window.__payungMessages.filter((m) => m.frame === i && m.data?.type === 'payung:height');
    if (mine.length === 0) return false;
    const last = mine[mine.length - 1].data;
    const frame = document.querySelectorAll('iframe[data-payung-embed]')[i];
    const shown = frame.getBoundingClientRect().height;
    return Math.abs(shown - last.height) < 0.5 ? { posted: last.height, shown, keys: Object.keys(last).sort(), count: mine.length } : false;
  }, index, { timeout: 20_000, message: `iframe ${index} to take the height it posted` });
}

export async function test({ page, screenshot }) {
  // 1. The explainer, served beside the app. Its style hash must match its CSP.
  await installExplainer();
  const html = await readFile(path.join(root, 'examples', 'explainer.html'), 'utf8');
  const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  const hash = createHash('sha256').update(style).digest('base64');
  assert.ok(html.includes(`'sha256-${hash}'`), `explainer.html's CSP needs 'sha256-${hash}' for its <style>`);

  await page.addInitScript(recordMessages);
  await page.goto('/explainer.html', { waitUntil: 'load' });
  const frames = page.locator('iframe[data-payung-embed]');
  assert.equal(await frames.count(), 2);
  assert.equal(await frames.nth(0).getAttribute('height'), '720');
  await frames.nth(1).scrollIntoViewIfNeeded();
  const ambon = await (await frames.nth(0).elementHandle()).contentFrame();
  const bontang = await (await frames.nth(1).elementHandle()).contentFrame();
  await waitFor(ambon, () => document.querySelector('#chart-coverage svg'), undefined, { timeout: 20_000, message: 'the Ambon coverage chart' });
  await waitFor(bontang, () => document.querySelector('#chart-cost svg'), undefined, { timeout: 20_000, message: 'the Bontang cost chart' });
  assert.match(await textOf(ambon, '.embed-title'), /Kota Ambon/);
  assert.match(await textOf(bontang, '.embed-title'), /Kota Bontang/);
  assert.equal(await ambon.locator('#embed-notices').count(), 0, 'the explainer\'s addresses are valid');
  assert.equal(await ambon.locator('#jht').count(), 1, 'controls=budget,jht shows the JHT switch');
  assert.equal(await bontang.locator('.embed-charts .chart').count(), 1);

  // 4. Each iframe posted its height, only its height, and took it.
  for (const i of [0, 1]) {
    const { posted, shown, keys } = await heightApplied(page, i);
    assert.deepEqual(keys, ['height', 'type'], 'the message carries only type and height');
    assert.ok(Number.isInteger(posted) && posted > 200, `posted height ${posted}`);
    assert.notEqual(Math.round(shown), 720, `iframe ${i} still has its initial height`);
    // Its content fits: nothing scrolls inside the frame.
    const frame = i === 0 ? ambon : bontang;
    const inner = await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(inner <= 1, `iframe ${i} scrolls by ${inner}px`);
  }

  // 2. Move the Ambon budget slider: its chart and headline change.
  const otherBefore = await svgOf(bontang, 'chart-cost');
  const chartBefore = await svgOf(ambon, 'chart-coverage');
  const figureBefore = await textOf(ambon, '#figure-coverage');
  await ambon.focus('#f-source-0-yearly');
  await ambon.press('#f-source-0-yearly', 'End');
  await waitFor(ambon, (before) => document.querySelector('#chart-coverage svg').outerHTML !== before, chartBefore,
    { message: 'the Ambon chart to change' });
  await waitFor(ambon, (before) => document.querySelector('#figure-coverage').innerText !== before, figureBefore,
    { message: 'the Ambon coverage figure to change' });

  // 3. The Bontang embed is untouched.
  assert.equal(await svgOf(bontang, 'chart-cost'), otherBefore, 'the other iframe\'s chart changed');

  // The full-simulator link carries the changed scenario and opens a new tab safely.
  const open = ambon.locator('#embed-open');
  assert.match(await open.getAttribute('href'), /^\.\/#s=3\.[A-Za-z0-9_-]+$/);
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.match(await open.getAttribute('rel'), /noopener/);
  await screenshot('embed-explainer');

  // Following it opens the full app on the same scenario (the moved budget included).
  const budget = await ambon.inputValue('#f-source-0-yearly-text');
  await page.goto(new URL(await open.getAttribute('href'), ambon.url()).href, { waitUntil: 'load' });
  await waitFor(page, (b) => document.querySelector('#f-source-0-yearly-text')?.value === b, budget,
    { message: `the full app with the budget ${budget}` });
  assert.match(await textOf(page, '.region-title'), /Kota Ambon/);
}

export async function testBadParameter({ page, screenshot }) {
  // 5. Unknown values and names: named in the notice; a chart is still drawn.
  await page.goto('/?embed=1&preset=bontang&chart=pie&accent=red&colour=blue', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('#embed-notices') && document.querySelector('.embed-charts svg'),
    undefined, { timeout: 20_000, message: 'the notice and a chart' });
  // Names from the address are shown as code.
  const named = await page.evaluate(() => [...document.querySelectorAll('#embed-notices code')].map((c) => c.textContent));
  for (const word of ['chart', 'pie', 'accent', 'red', 'colour']) {
    assert.ok(named.includes(word), `the notice does not name ${word}: ${named.join(' ')}`);
  }
  assert.match(await textOf(page, '#embed-notices'), /tidak dikenal/);
  // The page says its language is the embed's, whatever the browser's is.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
  assert.equal(await page.locator('#chart-coverage svg').count(), 1, 'coverage is the fallback chart');
  assert.match(await textOf(page, '.embed-title'), /Kota Bontang/, 'the good parameters still apply');
  await screenshot('embed-bad-parameter');
}

// 5b. An embed loads its own, smaller app (src/bin/embed.rs) and never the full app's; the
// full app loads its own and never the embed's (web/boot.js picks one by the address: an
// `embed` query parameter, wherever it stands; `embedded` or a fragment is not one).
export async function testLoadsItsOwnSmallerApp({ page }) {
  const wasm = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.slice(1));
  });
  // Engine threads started: the embed asks only for outcomes, so it starts the quick lane's
  // thread alone; the full app starts all three (ui::compute::install_workers_reading).
  let workers = 0;
  page.on('worker', () => (workers += 1));
  await page.goto('/?preset=bontang&embed', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('.embed-charts svg'), undefined, { timeout: 20_000, message: 'the embed chart' });
  assert.ok(wasm.includes('payung-embed_bg.wasm'), `the embed's wasm: ${wasm.join(', ')}`);
  assert.ok(!wasm.some((f) => f.startsWith('payung-web')), `no full-app wasm in an embed: ${wasm.join(', ')}`);
  assert.equal(workers, 1, 'the embed starts one engine thread');
  wasm.length = 0;
  workers = 0;
  await page.goto('/?embedded=1#embed=1', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('.app .chart svg'), undefined, { timeout: 20_000, message: 'the full app' });
  assert.ok(wasm.some((f) => /^payung-web-[0-9a-f]+_bg\.wasm$/.test(f)), `the full app's wasm: ${wasm.join(', ')}`);
  assert.ok(!wasm.includes('payung-embed_bg.wasm'), `no embed wasm in the full app: ${wasm.join(', ')}`);
  assert.equal(workers, 3, 'the full app starts its three engine threads');
}

export async function testNarrowDarkEnglish({ page, screenshot }) {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/?embed=1&preset=ambon&controls=budget,jht&chart=coverage,cost&lang=en&theme=dark&accent=%23d55e00',
    { waitUntil: 'load' });
  await waitFor(page, () => document.querySelectorAll('.embed-charts svg').length === 2, undefined,
    { timeout: 20_000, message: 'two charts' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the embed scrolls sideways by ${overflow}px at 320px`);
  const look = await page.evaluate(() => {
    const root = document.querySelector('.embed');
    const css = getComputedStyle(root);
    return { dark: root.classList.contains('dark'), accent: css.getPropertyValue('--accent').trim(), lang: root.lang };
  });
  assert.deepEqual(look, { dark: true, accent: '#d55e00', lang: 'en' });
  // So does the page's own (an Indonesian browser here).
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await textOf(page, '#embed-open'), /Open the full simulator/);
  // JHT raises the yearly cost.
  const cost = await svgOf(page, 'chart-cost');
  await page.check('#jht');
  await waitFor(page, (before) => document.querySelector('#chart-cost svg').outerHTML !== before, cost,
    { message: 'the cost chart to change with JHT' });
  await screenshot('embed-320-dark');
}

export async function testGenerator({ page, context, screenshot }) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('#embed-generator') && document.querySelectorAll('.chart svg').length === 3,
    undefined, { message: 'the app with the embed generator' });
  // Open the panel. The page can still shift as results settle, so a click that misses
  // is tried again (each attempt waits on the panel's state, not a fixed time).
  for (let attempt = 1; ; attempt += 1) {
    await page.click('#embed-generator > summary');
    try {
      await waitFor(page, () => document.querySelector('#embed-control-jht'), undefined, { timeout: 3_000, message: 'the open panel' });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      if (await page.evaluate(() => document.querySelector('#embed-generator').open)) throw err;
    }
  }
  await page.check('#embed-control-jht');
  await page.check('#embed-chart-cost');
  // Two headline figures are ticked from the start, the most an embed shows: the others are
  // greyed out, and the panel says why.
  const disabled = await page.$$eval('[id^="embed-headline-"]', (boxes) => boxes.filter((b) => b.disabled).length);
  assert.ok(disabled > 0, 'the other headline figures greyed out');
  assert.match(await textOf(page, '#embed-headlines-full'), /Paling banyak 2 angka utama; lepas satu/);
  // The embed's language follows the app's until one is chosen.
  await page.click('#toggle-lang');
  await waitFor(page, () => document.querySelector('#embed-lang')?.value === 'en', undefined, { message: 'the embed in English with the app' });
  await page.click('#toggle-lang');
  await waitFor(page, () => document.querySelector('#embed-lang')?.value === 'id', undefined, { message: 'and back' });
  await page.selectOption('#embed-lang', 'en');
  const snippet = await waitFor(page, () => {
    const text = document.querySelector('#embed-snippet')?.value ?? '';
    return text.includes('controls=budget,jht') && text.includes('chart=coverage,cost') && text.includes('lang=en') ? text : false;
  }, undefined, { message: 'the snippet to follow the choices' });
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;preset=ambon&amp;/);
  assert.ok(snippet.includes('event.source !== iframe.contentWindow'));
  // The live preview is the embed itself, and it reports its height.
  const preview = page.frameLocator('#embed-preview');
  await preview.locator('#chart-cost svg').waitFor({ timeout: 20_000 });
  await waitFor(page, () => document.querySelector('#embed-preview-height'), undefined,
    { timeout: 20_000, message: 'the preview\'s height message' });
  // Copy puts exactly the snippet on the clipboard.
  await page.click('#embed-copy');
  await waitFor(page, () => document.querySelector('#embed-copy-status').innerText.trim() !== '', undefined,
    { message: 'the copy status' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  await screenshot('embed-generator');
  // A bad width says why beside its field, in the app's language, and the code keeps the
  // last good width; a good one clears the message and reaches the code.
  for (const [typed, why] of [['99999', /Harus antara 280 px dan 1\.200 px/], ['300.5', /harus bilangan bulat, misalnya 480, bukan 300\.5/]]) {
    await page.fill('#embed-width', typed);
    await page.press('#embed-width', 'Tab');
    await waitForText(page, why, { selector: '#embed-width-error' });
    assert.equal(await page.getAttribute('#embed-width', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#embed-snippet'), snippet, `${typed} changed the code`);
  }
  await page.fill('#embed-width', '640');
  await page.press('#embed-width', 'Tab');
  await waitFor(page, () => !document.querySelector('#embed-width-error')
    && document.querySelector('#embed-snippet').value.includes('width="640"'), undefined, { message: 'the good width in the code' });
}

// An embed starts without moving: on a phone with the processor slowed four times, from the
// first paint until its figures, chart (with its no-change line) and foot are all shown, no
// visible element shifts (the figures keep their place with "…", what lies below stays hidden
// until the answer and its baseline are drawn).
export async function testStartsWithoutMoving({ page }) {
  await page.setViewportSize({ width: 412, height: 823 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        const nodes = e.sources.map((s) => s.node?.className || s.node?.nodeName || '?');
        window.__shifts.push({ value: e.value, nodes });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/?embed=1&lang=en&headline=coverage,target&controls=budget');
  await waitFor(page, () => {
    const foot = document.querySelector('#embed-open');
    return foot && getComputedStyle(foot).visibility === 'visible'
      && document.querySelector('#chart-coverage svg')
      && document.querySelector('#chart-coverage .chart-baseline-switch')
      && !document.querySelector('[aria-busy="true"]');
  }, undefined, { message: 'the embed fully shown' });
  // One more frame, so a shift caused by the last render is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  assert.ok(total < 0.005, `the embed moved while starting (CLS ${total.toFixed(3)}): ${JSON.stringify(shifts)}`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
