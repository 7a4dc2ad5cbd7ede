// The first screen answers: at 1366×768, and at 1920×1080 in presentation mode, the headline
// figures and the main chart are on screen without scrolling; on a phone a sticky summary
// stays in sight and a switch shows the controls. Screenshots of each width (and the
// printed page's media) land in target/e2e-artifacts/ for a person to look at.
import path from 'node:path';
import { assert, openApp, scrollThrough, waitFor } from './lib.mjs';

/** Saves what the window shows (not the whole page) as <artifacts>/<name>.png. */
const shot = (page, artifacts, name, fullPage = false) =>
  page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });

const charts = (page) =>
  waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });

/** Asserts that each selector's box lies wholly inside the window (no scrolling needed). */
async function assertInFirstViewport(page, selectors, where) {
  for (const selector of selectors) {
    const box = await page.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, w: innerWidth, h: innerHeight };
    }, selector);
    assert.ok(box, `${selector} is missing at ${where}`);
    assert.ok(box.top >= 0 && box.bottom <= box.h, `${selector} spans ${box.top.toFixed(0)}–${box.bottom.toFixed(0)} px, window ${box.h} px, at ${where}`);
    assert.ok(box.left >= 0 && box.right <= box.w, `${selector} spans x ${box.left.toFixed(0)}–${box.right.toFixed(0)}, window ${box.w} px, at ${where}`);
  }
}

const HEADLINE = ['#card-coverage', '#card-cost', '#card-shares', '.main-chart .chart'];

export async function testLaptopFirstScreen({ page, artifacts }) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, '/');
  await charts(page);
  await shot(page, artifacts, 'first-screen-1366');
  await assertInFirstViewport(page, HEADLINE, '1366×768');
  // The controls scroll on their own: the page is not made long by them.
  const panel = await page.evaluate(() => {
    const c = document.querySelector('.controls');
    return { scroll: c.scrollHeight, client: c.clientHeight, overflow: getComputedStyle(c).overflowY };
  });
  assert.equal(panel.overflow, 'auto');
  assert.ok(panel.client <= 768, `the control panel is ${panel.client} px tall`);
  // Most-used first: the sources (budgets) and the target lead the panel.
  const order = await page.evaluate(() => [...document.querySelectorAll('.controls > details.group, .controls > .deferred > details.group')].map((d) => d.id));
  assert.deepEqual(order.slice(0, 2), ['group-sources', 'group-target']);
  // English words are longer: the answer still fits.
  await page.click('#toggle-lang');
  await waitFor(page, () => document.documentElement.lang === 'en', undefined, { message: 'English' });
  await shot(page, artifacts, 'first-screen-1366-english');
  await assertInFirstViewport(page, HEADLINE, '1366×768 in English');
  await shot(page, artifacts, 'first-screen-1366');
}

export async function testProjectorFirstScreen({ page, artifacts }) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '/');
  await charts(page);
  await page.click('#toggle-presentation');
  await waitFor(page, () => document.querySelector('.app.presentation'), undefined, { message: 'presentation mode' });
  await shot(page, artifacts, 'first-screen-1920-presentation');
  await assertInFirstViewport(page, HEADLINE, '1920×1080 presentation');
  await shot(page, artifacts, 'first-screen-1920-presentation');
}

export async function testTabletFirstScreen({ page, artifacts }) {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openApp(page, '/');
  await charts(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 768px`);
  await shot(page, artifacts, 'first-screen-768');
}

export async function testPhoneSummaryAndSwitch({ page, artifacts }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '/');
  await scrollThrough(page);
  await charts(page);
  await assertInFirstViewport(page, ['#phone-bar', '#card-coverage'], '360×740');
  await shot(page, artifacts, 'phone-first-screen');
  // Switch to the controls: the budget field is on the first screen, the summary stays.
  await page.click('#show-controls');
  await waitFor(page, () => document.querySelector('#f-source-0-yearly-text')?.offsetParent, undefined,
    { message: 'the budget field after switching to the controls' });
  await assertInFirstViewport(page, ['#phone-bar', '#f-source-0-yearly-text'], '360×740 controls');
  assert.equal(await page.evaluate(() => document.querySelector('main').offsetParent), null, 'results hidden');
  // Editing keeps the summary in sight while scrolling through the controls.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bar = await page.evaluate(() => document.querySelector('#phone-bar').getBoundingClientRect().top);
  assert.ok(bar >= 0 && bar < 5, `the summary bar is at ${bar}px after scrolling`);
  await shot(page, artifacts, 'phone-controls');
  await page.click('#show-results');
  await waitFor(page, () => document.querySelector('#card-coverage')?.offsetParent, undefined, { message: 'results again' });
}

/** A long source name shows whole in its narrow box, on a laptop and on a phone, and stays
 * one line: Enter does not break it. */
export async function testALongSourceNameShowsWhole({ page, artifacts }) {
  const name = 'APBD Kab. Kepulauan Siau Tagulandang Biaro';
  for (const [width, height] of [[1366, 768], [360, 740]]) {
    await page.setViewportSize({ width, height });
    await openApp(page, '/');
    await charts(page);
    if (width < 800) await page.click('#show-controls');
    await waitFor(page, () => document.querySelector('#src-0-name')?.offsetParent, undefined, { message: 'the first source' });
    await page.fill('#src-0-name', name);
    await page.press('#src-0-name', 'Enter');
    assert.equal(await page.inputValue('#src-0-name'), name, 'Enter breaks the name');
    await waitFor(page, (n) => document.querySelector('#card-shares')?.textContent.includes(n), name,
      { message: 'the new name in the headline' });
    const hidden = await page.evaluate(() => {
      const box = document.querySelector('#src-0-name');
      return { x: box.scrollWidth - box.clientWidth, y: box.scrollHeight - box.clientHeight };
    });
    assert.ok(hidden.x <= 0 && hidden.y <= 0, `the name box hides ${JSON.stringify(hidden)} px at ${width} px`);
    // The first source cannot move up: its button is off and looks it.
    const up = await page.evaluate(() => {
      const [first, second] = [...document.querySelectorAll('.source-card')].map((c) => c.querySelector('button.icon'));
      const look = (b) => { const css = getComputedStyle(b); return [css.opacity, css.borderStyle].join(' '); };
      return { disabled: first.disabled, first: look(first), second: second && look(second) };
    });
    assert.ok(up.disabled && up.first !== up.second, `the first "up" button looks as the second: ${JSON.stringify(up)}`);
    await page.locator('.source-card').first().screenshot({ path: path.join(artifacts, `long-source-name-${width}.png`) });
  }
}

export async function testPrintedPage({ page, artifacts }) {
  await openApp(page, '/');
  await charts(page);
  // Printing from the browser (page.pdf fires beforeprint, as Ctrl+P does) prepares the brief.
  await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await waitFor(page, () => document.querySelector('.brief .brief-qr img'), undefined, { message: 'the printed brief with its QR code' });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await shot(page, artifacts, 'printed-page', true);
}

/** A phone (narrow, touch) builds what its user scrolls to: at load the first screen and no
 * more than the sections within half a screen of it, none of the controls behind their tab;
 * scrolling down builds the rest, and switching to the controls builds them. */
export async function testPhoneBuildsWhatIsScrolledTo({ browser, baseURL }) {
  const phone = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await phone.newPage();
  await openApp(page, '/');
  await waitFor(page, () => document.querySelector('#card-coverage')?.offsetParent, undefined, { message: 'the answer' });
  // Settled: every slot left is more than half a screen below the viewport (nearer ones are built).
  await waitFor(page, () => {
    const slots = [...document.querySelectorAll('main > .deferred > .deferred-slot')];
    return slots.length > 0 && slots.every((s) => s.getBoundingClientRect().top > 1.5 * innerHeight);
  }, undefined, { message: 'the sections within half a screen built, the others waiting' });
  const built = () => page.evaluate(() => ({
    main: document.querySelectorAll('main > .deferred > :not(.deferred-slot)').length,
    all: document.querySelectorAll('main > .deferred').length,
    controls: document.querySelectorAll('.controls > .deferred > :not(.deferred-slot)').length,
  }));
  const atLoad = await built();
  assert.ok(atLoad.all >= 10, `${atLoad.all} sections`);
  assert.ok(atLoad.main <= 3, `${atLoad.main} of ${atLoad.all} sections built before any scrolling`);
  assert.equal(atLoad.controls, 0, 'no control is built behind its tab');
  await scrollThrough(page);
  const scrolled = await built();
  assert.equal(scrolled.main, scrolled.all, 'every section is built once scrolled to');
  await page.click('#show-controls');
  await waitFor(page, () => document.querySelector('.controls > .deferred > :not(.deferred-slot)'), undefined,
    { message: 'the first controls built' });
  await scrollThrough(page);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.controls > .deferred > .deferred-slot').length), 0,
    'every control is built once scrolled to');
  // Nothing is dropped on a touch screen: the file panel does not offer it.
  assert.equal(await page.evaluate(() => document.querySelector('#import-hint') && getComputedStyle(document.querySelector('#import-hint')).display),
    'none', 'the drop hint is hidden on a touch screen');
  await phone.close();
}
