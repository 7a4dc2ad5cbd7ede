// Benchmark (not a test), at normal speed and with 4× CPU throttling: how long a move waits
// for its chance of reaching the target while the goal-seek works out the budget for an 80%
// chance on the same background thread (the draws' lane). On Lombok Timur, each round asks
// for the 80% budget, and as soon as its search is under way moves the source's amount;
// timed from the move to the chance beside the target shown for the moved scenario (its
// first, 100-draw answer) and to its 1,000-draw answer. Also times the 80% search alone
// (click to answer). Prints a table of p50 and max over the rounds.
// Usage: PAYUNG_BASE_URL=http://127.0.0.1:PORT/ node e2e/bench-chance.mjs
//        (PAYUNG_BENCH_ROUNDS: rounds per speed, default 5)
import { chromium } from 'playwright-core';

const base = process.env.PAYUNG_BASE_URL;
const rounds = Number(process.env.PAYUNG_BENCH_ROUNDS ?? 5);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const wait = (page, fn, arg, timeout = 120_000) => page.waitForFunction(fn, arg, { timeout, polling: 'raf' });

async function run(throttle) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
  await page.goto(base);
  await wait(page, () => document.querySelector('#region-search'));
  await page.fill('#region-search', 'Lombok Timur');
  await page.click('.region-result');
  await wait(page, () => document.querySelector('.region-title')?.textContent.includes('Lombok Timur'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const original = await page.inputValue('#f-source-0-yearly-text');
  const first = [];
  const full = [];
  const search = [];
  for (let i = 0; i < rounds; i += 1) {
    await page.locator('#goal-chance').scrollIntoViewIfNeeded();
    await wait(page, () => document.querySelector('#goal-chance')
      && document.querySelector('#target-chance')?.dataset.draws === '1000');
    // The search alone, from the click to its answer.
    const t0 = await page.evaluate(() => { document.querySelector('#goal-chance').click(); return performance.now(); });
    const done = await wait(page, () => (document.querySelector('#goal-chance-answer')?.textContent ?? '').includes('80%')
      && !document.querySelector('#goal-chance-answer[aria-busy]') && performance.now());
    search.push((await done.jsonValue()) - t0);
    // Move to a scenario not yet asked about, ask for it, and move again while it searches.
    await page.fill('#f-source-0-yearly-text', String(2_000_000_000 + i * 7_000_000));
    await page.press('#f-source-0-yearly-text', 'Tab');
    await wait(page, () => document.querySelector('#goal-chance')
      && document.querySelector('#target-chance')?.dataset.draws === '1000');
    await page.evaluate(() => document.querySelector('#goal-chance').click());
    await wait(page, () => document.querySelector('#goal-chance-answer[aria-busy]'));
    // In the page: move, then watch each frame for the chance to go pending (the moved
    // scenario's), then for its first and its 1,000-draw answers.
    const times = await page.evaluate((amount) => new Promise((resolve) => {
      const field = document.querySelector('#f-source-0-yearly-text');
      const t0 = performance.now();
      field.value = amount;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      field.blur();
      let pending = false;
      let shown = null;
      const look = () => {
        const chance = document.querySelector('#target-chance');
        if (!pending) pending = chance?.getAttribute('aria-busy') === 'true';
        else if (shown === null && chance?.dataset.draws) shown = performance.now() - t0;
        if (shown !== null && chance?.dataset.draws === '1000') resolve([shown, performance.now() - t0]);
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }), String(2_500_000_000 + i * 7_000_000));
    first.push(times[0]);
    full.push(times[1]);
  }
  await page.fill('#f-source-0-yearly-text', original);
  await page.close();
  return { throttle, first, full, search };
}

const results = [await run(1), await run(4)];
await browser.close();
console.log(JSON.stringify(results));
const ms = (x) => `${Math.round(x)} ms`;
console.log('\n| CPU | move → chance shown (100 draws) p50 / max | move → 1,000 draws p50 / max | 80% search alone p50 / max |\n|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.throttle}× | ${ms(pct(r.first, 0.5))} / ${ms(Math.max(...r.first))} | ${ms(pct(r.full, 0.5))} / ${ms(Math.max(...r.full))} | ${ms(pct(r.search, 0.5))} / ${ms(Math.max(...r.search))} |`);
}
