// The printed brief (issue 4): "Cetak ringkasan" prints exactly one A4 page with the
// region, key figures, three charts, the funding ledger and the assumptions, nothing cut off.
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { assert, openApp, textOf, waitFor, waitForPanels, waitForText } from './lib.mjs';

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;

export async function test({ page, screenshot }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  assert.ok(await page.isVisible('#print'), 'the print button is shown');
  // Nothing of the brief is prepared until it is printed.
  assert.equal(await page.evaluate(() => document.querySelector('.brief')), null, 'no brief before printing');
  // The goal-seek's answer, worked out once the page settles, is printed with its question.
  const goal = await waitForText(page, /Rp [\d.]+\)/, { selector: '.kept-answer[aria-busy="false"] #goal-answer', timeout: 20_000 });
  const question = await textOf(page, '.goal-seek .question');
  await page.click('#print');
  await waitFor(page, () => document.querySelector('.brief .brief-qr img'), undefined, { message: 'the prepared brief' });
  assert.deepEqual(await page.$$eval('.brief-answer', (ps) => ps.map((p) => p.textContent)), [`${question} ${goal}`]);
  await page.emulateMedia({ media: 'print' });
  // On paper only the brief shows, and it fits the printable height of A4 (277 mm at 96 dpi).
  const layout = await page.evaluate(() => {
    const brief = document.querySelector('.brief');
    const r = brief.getBoundingClientRect();
    const clipped = [...brief.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 2 && getComputedStyle(e).overflow === 'hidden');
    return {
      briefHeight: r.height, briefWidth: r.width,
      mainShown: getComputedStyle(document.querySelector('.layout')).display !== 'none',
      charts: [...brief.querySelectorAll('.brief-chart img')].filter((i) => i.complete && i.naturalWidth > 0).length,
      ledgerRows: brief.querySelectorAll('.brief-ledger tbody tr').length,
      text: brief.innerText, clipped,
    };
  });
  assert.equal(layout.mainShown, false, 'the screen layout is hidden on paper');
  assert.equal(layout.charts, 3);
  assert.ok(layout.ledgerRows >= 5, `ledger rows: ${layout.ledgerRows}`);
  assert.match(layout.text, /Kota Ambon/);
  assert.match(layout.text, /Rp \d{1,3}(\.\d{3})+/, 'whole-Rupiah amounts');
  assert.match(layout.text, /PP 44\/2015/, 'legal references');
  assert.ok(!layout.clipped, 'nothing is clipped');
  // No amount of the assumptions breaks between "Rp" and its digits.
  const broken = await page.evaluate(() => {
    const out = [];
    for (const cell of document.querySelectorAll('.brief-assumptions th, .brief-assumptions td')) {
      const node = [...cell.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && /Rp\s\d/.test(n.data));
      if (!node) continue;
      const at = node.data.search(/Rp\s\d/);
      const money = node.data.slice(at).match(/^Rp\s[\d.,]+/)[0];
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + money.length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) out.push(money);
    }
    return out;
  });
  assert.deepEqual(broken, [], 'amounts split over two lines');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const dir = process.env.PAYUNG_ARTIFACTS ?? 'target/e2e-artifacts';
  writeFileSync(path.join(dir, 'brief.pdf'), pdf);
  assert.equal(pages(pdf), 1, `the brief printed on ${pages(pdf)} pages`);
  await screenshot('print-media');
}

/** A scenario whose link is long (a file's own region, every field its own): the brief stays
 * one page, prints the QR code larger so that a phone reads its denser modules off paper, and
 * says to scan it instead of printing a link nobody types. */
export async function testALongLinkPrintsALargerCode({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  const example = await readFile(new URL('../examples/mukomuko-2024.json', import.meta.url));
  await page.setInputFiles('#import-json', { name: 'mukomuko-2024.json', mimeType: 'application/json', buffer: example });
  await waitFor(page, () => document.querySelector('.region-title')?.textContent.includes('Mukomuko'), undefined,
    { message: 'the file opened' });
  await waitFor(page, () => location.hash.length > 300, undefined, { message: 'a long link in the address bar' });
  await page.click('#print');
  await waitFor(page, () => document.querySelector('.brief .brief-qr img'), undefined, { message: 'the prepared brief' });
  await page.emulateMedia({ media: 'print' });
  const brief = await page.evaluate(() => ({
    // CSS pixels at 96 per inch: 28 mm is about 106 px.
    qr: document.querySelector('.brief-qr img').getBoundingClientRect().width,
    linkText: document.querySelector('.brief .link-text')?.textContent ?? null,
    scan: document.querySelector('.brief .link-scan')?.textContent ?? '',
  }));
  assert.ok(brief.qr > 140, `the long link's code prints ${brief.qr.toFixed(0)} px wide`);
  assert.equal(brief.linkText, null, 'the long link printed as text');
  assert.match(brief.scan, /Pindai kode QR/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.equal(pages(pdf), 1, `the brief printed on ${pages(pdf)} pages`);
}

/** A region with five sources: the ledger has a column each, and still every amount keeps
 * to one line and the brief to one page, in both languages. */
export async function testFiveSourcesStayOnePage({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  await page.fill('#region-search', 'Kota Kupang');
  await page.click('.region-result');
  await waitForText(page, 'Kupang', { selector: '.region-title' });
  for (const kind of ['csr', 'baznas', 'dbhcht', 'other']) {
    const before = await page.locator('.source-card').count();
    await page.selectOption('#new-source-kind', kind);
    await page.click('#add-source');
    await waitFor(page, (n) => document.querySelectorAll('.source-card').length === n, before + 1, { message: `a ${kind} source` });
  }
  for (const lang of ['id', 'en']) {
    await page.emulateMedia({ media: 'screen' });
    if (lang === 'en') await page.click('#toggle-lang');
    await page.click('#print');
    await waitFor(page, (l) => document.documentElement.lang === l
      && document.querySelectorAll('.brief-ledger thead th').length === document.querySelectorAll('.source-card').length + 2,
    lang, { message: `a ledger of every source in ${lang}` });
    assert.equal(await page.locator('.source-card').count(), 5);
    await page.emulateMedia({ media: 'print' });
    // Laid out at A4's width within its margins (190 mm, 718 CSS px), as on paper.
    await page.setViewportSize({ width: 718, height: 1000 });
    // A cell's text on two lines has line boxes at two heights.
    const lines = await page.$$eval('.brief-ledger tbody td', (cells) => cells.filter((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((c) => c.textContent));
    assert.deepEqual(lines, [], `${lang}: ledger amounts on two lines`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.equal(pages(pdf), 1, `${lang}: five sources printed on ${pages(pdf)} pages`);
  }
}

/** A long horizon's ledger (a row a year) still prints on one page, the whole brief a little
 * smaller, its three charts at one scale: 10 years in English, 20 in Indonesian. */
export async function testALongHorizonStaysOnePage({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  for (const [years, lang] of [[10, 'en'], [20, 'id']]) {
    await page.emulateMedia({ media: 'screen' });
    await page.click('#toggle-lang');
    await waitFor(page, (l) => document.documentElement.lang === l, lang, { message: `the page in ${lang}` });
    await page.fill('#f-horizonyears-text', String(years));
    await page.press('#f-horizonyears-text', 'Tab');
    // Printed with the goal-seek's answer for this horizon, once it is worked out (the
    // button prepares the brief again when it has more to show).
    await waitFor(page, (n) => {
      const done = document.querySelectorAll('.brief-ledger tbody tr').length === n && document.querySelector('.brief .brief-answer');
      if (!done) document.querySelector('#print').click();
      return done;
    }, years, { timeout: 20_000, message: `a ledger of ${years} years and the goal-seek's answer` });
    assert.match(await textOf(page, '.brief-answer'), lang === 'en' ? /^What budget protects .+ a year/ : /^Berapa anggaran .+ per tahun/);
    await page.emulateMedia({ media: 'print' });
    // The three charts print at one scale, so their text is one size (each is drawn at the
    // same width; a taller one used to be shrunk to fit where a shorter one was not).
    const scales = await page.evaluate(() => [...document.querySelectorAll('.brief-chart img')].map((img) => {
      const box = img.getBoundingClientRect();
      return Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
    }));
    assert.equal(scales.length, 3);
    assert.ok(Math.max(...scales) / Math.min(...scales) < 1.02, `${years} years: the charts print at scales ${scales.map((s) => s.toFixed(3))}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.equal(pages(pdf), 1, `${years} years printed on ${pages(pdf)} pages`);
  }
}

/** Printing from the browser's own menu or Ctrl+P (page.pdf fires beforeprint as they do): the
 * brief is prepared as printing starts and is on the one printed page, as with the button.
 * The brief is rendered in the microtasks after `beforeprint`, before the page is laid out
 * for paper, when the app is not in the middle of other work: Yew's scheduler, busy for more
 * than a frame, finishes in a later task, after the paper layout. So this prints as a user
 * does, once the page has settled (every answer shown, every section built); printing in
 * the first second, while the answers arrive, may give the screen's page instead of the
 * brief (testWithoutTheBriefPrintsThePage), never a blank one. */
export async function testFromTheBrowsersMenu({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  await waitFor(page, () => document.querySelector('[data-final="true"]') && !document.querySelector('[aria-busy="true"]')
    && [...document.querySelectorAll('.app .deferred')].every((d) => d.firstElementChild && !d.querySelector('.deferred-slot')),
  undefined, { message: 'the page to settle' });
  assert.equal(await page.evaluate(() => document.querySelector('.brief')), null, 'no brief before printing');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.equal(pages(pdf), 1, `printed on ${pages(pdf)} pages`);
  const brief = await page.evaluate(() => ({
    text: document.querySelector('.brief')?.innerText ?? '',
    charts: document.querySelectorAll('.brief .brief-chart img').length,
    qr: !!document.querySelector('.brief .brief-qr img'),
  }));
  assert.match(brief.text, /Kota Ambon/);
  assert.equal(brief.charts, 3);
  assert.ok(brief.qr, 'the QR code');
  // What reached the paper: a blank page is about 1 KB; the brief with its charts and QR code
  // is many times that.
  assert.ok(pdf.length > 30_000, `the printed page is ${pdf.length} bytes`);
}

/** A print that starts while the brief cannot be shown (the app busy with other work as the
 * browser lays the page out for paper) gives the screen's page, not a blank sheet. */
export async function testWithoutTheBriefPrintsThePage({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  // Print media without `beforeprint`: the layout the paper gets when the brief is not there.
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ({
    brief: Boolean(document.querySelector('.brief')),
    layout: getComputedStyle(document.querySelector('.layout')).display,
    charts: [...document.querySelectorAll('.layout .chart svg')].filter((s) => s.getBoundingClientRect().height > 0).length,
  }));
  assert.equal(shown.brief, false);
  assert.notEqual(shown.layout, 'none', 'the screen layout is printed');
  assert.ok(shown.charts >= 1, `charts on paper: ${shown.charts}`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: false });
  assert.ok(pdf.length > 30_000, `the printed page is ${pdf.length} bytes`);
}

/** Replaces the page's `window.print` with one that records, in `window.printed`, the text
 * of `selector` (null when absent) at each call: what would have reached the paper. */
function recordPrints(page, selector) {
  return page.addInitScript((sel) => {
    window.printed = [];
    window.print = () => window.printed.push(document.querySelector(sel)?.innerText ?? null);
  }, selector);
}

/** Ctrl+P in the first moment after opening, before the panels' chunk that draws the brief
 * has arrived, prints the brief, not the screen's page (web/boot.js hands the shortcut to the
 * print button, which waits for the chunk and the shown scenario's answer): with the chunk
 * held back nothing is printed, and once it arrives the brief is drawn, then printed. */
export async function testCtrlPInTheFirstMomentPrintsTheBrief({ page }) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/split_panels\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await recordPrints(page, '.app > .brief');
  // Registered after boot.js's own listener, so it sees whether the shortcut was taken.
  await page.addInitScript(() => addEventListener('load', () => addEventListener('keydown', (e) => {
    window.shortcutTaken = e.defaultPrevented;
  })));
  await openApp(page, '/');
  await page.keyboard.press('Control+p');
  assert.equal(await page.evaluate(() => window.shortcutTaken), true, 'Ctrl+P taken by the page');
  assert.deepEqual(await page.evaluate(() => window.printed), [], 'nothing printed before the brief can be drawn');
  release();
  await waitFor(page, () => window.printed.length > 0, undefined, { timeout: 20_000, message: 'the print to start' });
  const printed = await page.evaluate(() => window.printed);
  assert.equal(printed.length, 1, `printed ${printed.length} times`);
  assert.match(printed[0] ?? '', /Kota Ambon/, 'the brief was on the page as printing started');
  assert.match(printed[0], /Rp \d{1,3}(\.\d{3})+/);
}

/** Print asked for while the answer to an edit is on its way (the edit and the click in one
 * task): the brief printed is the edited scenario's, prepared once its answer is here, not
 * the brief prepared before the edit. Compared by the funding ledger, which the edit changes:
 * the same as a print once the page has settled, and not the first print's. */
export async function testPrintDuringAnAnswerPrintsTheEditedScenario({ page }) {
  await recordPrints(page, '.app > .brief .brief-ledger');
  await openApp(page, '/');
  await waitForPanels(page);
  const printed = (n) => waitFor(page, (k) => window.printed.length === k, n, { timeout: 20_000, message: `print ${n}` })
    .then(() => page.evaluate((k) => window.printed[k - 1], n));
  await page.click('#print');
  const before = await printed(1);
  assert.match(before ?? '', /Rp 3\.024\.000\.000/, 'the ledger of the first budget');
  await page.evaluate(() => {
    const field = document.querySelector('#f-source-0-yearly-text');
    field.value = '5.500.000.000';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#print').click();
  });
  const during = await printed(2);
  await waitFor(page, () => document.querySelector('[data-final="true"]') && !document.querySelector('[aria-busy="true"]'),
    undefined, { message: 'the page to settle' });
  await page.click('#print');
  const settled = await printed(3);
  assert.notEqual(during, before, 'the ledger from before the edit was printed');
  assert.equal(during, settled, 'the ledger printed during the answer is that of the edited scenario');
}
