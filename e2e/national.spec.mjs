// "Seluruh Indonesia" (issue 12): every province and kab/kota worked out in the background,
// a tile map of the 38 provinces, a sortable table, drill-down from the nation to a province
// to one kab/kota's own scenario; the page stays usable while the nation is worked out.
import { readFile } from 'node:fs/promises';
import { assert, openApp, waitFor, waitForText, expectCount } from './lib.mjs';

export async function test({ page, screenshot }) {
  const timing = [];
  page.on('console', (m) => { if (m.text().startsWith('payung: national plan')) timing.push(m.text()); });
  await openApp(page, '/');
  await page.locator('#national > summary').click();
  // 38 tiles and 38 rows once the 514 kab/kota are run.
  await expectCount(page, '#national .tile', 38, { timeout: 60_000 });
  await expectCount(page, '#national-table tbody tr', 38);
  await waitForText(page, 'Indonesia:', { selector: '#national-summary' });
  await waitForText(page, 'pekerja rentan (perkiraan)', { selector: '#national-summary' });
  console.log(`national: ${timing.join('; ') || 'no timing logged'}`);
  // While the nation is shown the rest of the page still answers a slider.
  const before = await page.textContent('#card-coverage');
  await page.fill('#f-source-0-yearly-text', '9.000.000.000');
  await waitFor(page, (b) => document.querySelector('#card-coverage').textContent !== b, before, { message: 'the coverage card follows the budget' });
  await page.locator('#national').scrollIntoViewIfNeeded();
  await screenshot('national-map');
  // Every province's short name shows whole on its tile (smaller, or broken at its soft
  // hyphen, in a narrow tile: "Goron-talo"), from a laptop to a projector.
  for (const width of [1280, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    const names = await page.$$eval('#national .tile-name', (ns) => ({
      shown: ns.filter((n) => n.offsetParent).length,
      cut: ns.filter((n) => n.scrollWidth > n.clientWidth + 0.5 || n.scrollHeight > n.clientHeight + 0.5).map((n) => n.textContent),
    }));
    assert.equal(names.shown, 38, `${width} px: ${names.shown} names shown`);
    assert.deepEqual(names.cut, [], `${width} px: names cut`);
    // From a laptop's 1366 px, every column of the table fits beside the controls, without
    // a sideways scroll (narrower, the table scrolls in its box).
    const [wide, room] = await page.$eval('#national-table', (t) => [t.scrollWidth, t.parentElement.clientWidth]);
    assert.ok(width < 1366 || wide <= room + 1, `${width} px: the table is ${wide} px wide in ${room} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Sorted by final coverage, lowest first; a click on the heading reverses it.
  const coverage = async () => page.$$eval('#national-table tbody tr td.cov-cell .cov-text',
    (cells) => cells.map((c) => Number(c.textContent.replace('%', '').replace(/\./g, '').replace(',', '.'))));
  const up = await coverage();
  assert.deepEqual(up, [...up].sort((a, b) => a - b), `ascending: ${up}`);
  const heading = page.locator('#national-table th', { hasText: 'Cakupan akhir' });
  assert.equal(await heading.getAttribute('aria-sort'), 'ascending');
  await heading.locator('button').click();
  await waitFor(page, () => document.querySelector('#national-table th[aria-sort]')?.getAttribute('aria-sort') === 'descending', undefined, { message: 'descending' });
  const down = await coverage();
  assert.deepEqual(down, [...down].sort((a, b) => b - a), `descending: ${down}`);
  assert.equal(down.length, 38);

  // Drill down: Maluku's tile shows its 11 kab/kota; back to the nation; then open Kota Ambon.
  // By keyboard, the pressed tile keeps the focus (the map is updated in place).
  await page.focus('#national .tile[data-code="81"]');
  await page.keyboard.press('Enter');
  await expectCount(page, '#national-table tbody tr', 11);
  await waitForText(page, 'Provinsi Maluku', { selector: '#national-summary' });
  assert.equal(await page.getAttribute('#national .tile[data-code="81"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.code), '81', 'focus stays on the pressed tile');
  await screenshot('national-maluku');
  await page.click('#national-back');
  await expectCount(page, '#national-table tbody tr', 38);
  // Each row's button says what it does, and for which region.
  assert.equal(await page.getAttribute('#national-table tr[data-code="81"] .open-region', 'aria-label'),
    'Lihat kabupaten/kota di provinsi ini: Provinsi Maluku');
  await page.click('#national-table tr[data-code="81"] .open-region');
  // A kab/kota opens as the plan runs it, with the province's money: its row's coverage is
  // the headline's, and the province's APBD line is one of its sources.
  const rowCoverage = (await page.textContent('#national-table tr[data-code="81.71"] td.cov-cell .cov-text')).trim();
  await page.click('#national-table tr[data-code="81.71"] .open-region');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  await waitFor(page, (c) => document.querySelector('#card-coverage')?.textContent.includes(c), rowCoverage,
    { message: `the headline to show the row's ${rowCoverage}` });
  // The opened region's answer is brought into view, its title focused (the table it was
  // opened from is far below).
  await waitFor(page, () => {
    const title = document.querySelector('#results .region-title');
    const box = title.getBoundingClientRect();
    return document.activeElement === title && box.top >= 0 && box.bottom <= innerHeight;
  }, undefined, { message: 'the opened region in view and focused' });
  const sources = await page.$$eval('textarea.source-name', (ts) => ts.map((t) => t.value));
  assert.ok(sources.some((n) => /Provinsi Maluku/.test(n)), `sources: ${sources}`);

  // In English the regions' names and the sentence follow the language.
  await page.click('#toggle-lang');
  await waitForText(page, 'vulnerable workers (estimate)', { selector: '#national-summary' });
  await waitForText(page, 'Maluku Province', { selector: '#national-summary' });

  // A reload keeps Kota Ambon compared with the plan's run of it, province money included:
  // the province's amount, changed, still offers its reset to the plan's value (compared
  // with the kota's own start, which has no province source, it offered none).
  const k = sources.findIndex((n) => /Provinsi Maluku/.test(n));
  const typed = `#f-source-${k}-yearly-text`;
  const resetLabel = (t) => document.querySelector(t)?.closest('.field')?.querySelector('.field-head .reset')?.getAttribute('aria-label') ?? false;
  await page.fill(typed, '123000000');
  await page.press(typed, 'Tab');
  const reset = await waitFor(page, resetLabel, typed, { message: "a reset to the plan's amount" });
  await waitFor(page, () => (localStorage.getItem('payung.current') ?? '').includes('123000000') && localStorage.getItem('payung.baseline'),
    undefined, { message: 'the work and its baseline remembered' });
  await page.reload();
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  assert.match(await page.inputValue(typed), /^123[.,]000[.,]000$/);
  assert.equal(await waitFor(page, resetLabel, typed, { message: 'the reset after a reload' }), reset);
}

// UCJ beside coverage, the CSV of the view (one row per region and year) and the printed brief.
export async function testUcjCsvAndBrief({ page, screenshot }) {
  await openApp(page, '/');
  await page.locator('#national > summary').click();
  await expectCount(page, '#national-table tbody tr', 38, { timeout: 60_000 });
  // The nation's UCJ: now, with the plan, the target, its source; each province's final UCJ.
  await waitForText(page, 'Universal Coverage Jamsostek', { selector: '#national-ucj' });
  const ucj = await page.textContent('#national-ucj');
  assert.match(ucj, /UCJ kini \d+,\d% → \d+,\d% pada akhir 20\d\d dengan rencana ini/);
  assert.match(ucj, /target 20\d\d: \d+,\d%/);
  assert.match(ucj, /Perkiraan: .*belum menjadi peserta/);
  assert.ok(await page.getAttribute('#national-ucj .ucj-source a', 'href'), 'the targets\' source is linked');
  assert.ok(await page.locator('#national-ucj .ucj-bar .ucj-tick').count() >= 1, 'a target tick on the bar');
  await expectCount(page, '#national-table tbody td.ucj-cell', 38);
  const heading = page.locator('#national-table th', { hasText: 'UCJ akhir' });
  await heading.locator('button').click();
  await waitFor(page, () => document.querySelector('#national-table th[aria-sort]')?.textContent.includes('UCJ'), undefined, { message: 'sorted by UCJ' });
  const shares = await page.$$eval('#national-table td.ucj-cell .cov-text',
    (cells) => cells.map((c) => Number(c.textContent.replace(/[%*†]/g, '').replace(/\./g, '').replace(',', '.'))));
  assert.deepEqual(shares, [...shares].sort((a, b) => b - a), `UCJ descending: ${shares}`);
  // A share over 100% (Jakarta: members counted where their employer is) is marked and said.
  assert.ok(shares[0] > 100, `the largest UCJ ${shares[0]}%`);
  assert.match(await page.textContent('#national-table td.ucj-cell .cov-text'), /†$/);
  // Each cell's bar and target tick sit in a track beside the figure, never across its
  // digits; a share over 100% fills the track and no more.
  const overlaps = await page.$$eval('#national-table td.ucj-cell', (cells) => cells.flatMap((c) => {
    const text = c.querySelector('.cov-text').getBoundingClientRect();
    const track = c.querySelector('.ucj-track').getBoundingClientRect();
    const marks = [...c.querySelectorAll('.ucj-fill, .ucj-tick')].map((m) => m.getBoundingClientRect());
    const name = c.closest('tr').querySelector('th').textContent.trim();
    return marks.filter((m) => m.right > text.left + 0.5 || m.right > track.right + 2.5).map(() => name);
  }));
  assert.deepEqual(overlaps, [], `UCJ marks across the figure or out of the track: ${overlaps}`);
  assert.match(await page.textContent('#ucj-over-note'), /Lebih dari 100%: peserta aktif dihitung menurut tempat pemberi kerjanya/);
  await page.locator('#national-ucj').scrollIntoViewIfNeeded();
  await screenshot('national-ucj');

  // The nation's CSV: the nation, each province, each kab/kota, a row per year, the province last.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#national-csv')]);
  assert.equal(download.suggestedFilename(), 'payung-indonesia.csv');
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(0, 4), ['region', 'code', 'level', 'year']);
  assert.equal(header.at(-1), 'province');
  for (const col of ['workers', 'covered', 'coverage_ratio', 'contributions_total', 'paid_province', 'paid_kab_kota', 'paid_desa', 'ucj']) {
    assert.ok(header.includes(col), `column ${col}`);
  }
  const years = lines.filter((l) => l.split(',')[1] === 'ID').length;
  assert.ok(years >= 1);
  assert.equal(lines.length, 1 + (1 + 38 + 514) * years);
  const ambon = lines.find((l) => l.split(',')[1] === '81.71');
  assert.ok(ambon.endsWith(',Provinsi Maluku'), ambon);

  // Drilled into Maluku: its CSV has the province and its 11 kab/kota; UCJ is the province's.
  await page.click('#national .tile[data-code="81"]');
  await expectCount(page, '#national-table tbody tr', 11);
  await expectCount(page, '#national-table tbody td.ucj-cell', 0);
  await waitForText(page, 'UCJ', { selector: '#national-ucj' });
  const [maluku] = await Promise.all([page.waitForEvent('download'), page.click('#national-csv')]);
  const rows = (await readFile(await maluku.path(), 'utf8')).trim().split('\n');
  assert.equal(rows.length, 1 + (1 + 11) * years);

  // The printed brief carries the view's sentence and table (window.print is caught).
  await page.evaluate(() => {
    window.print = () => {
      const brief = document.querySelector('.national-brief');
      window.__printed = { root: document.documentElement.className, rows: brief?.querySelectorAll('tbody tr').length, text: brief?.textContent };
    };
  });
  await page.click('#national-print');
  await waitFor(page, () => !!window.__printed, undefined, { message: 'printed' });
  const printed = await page.evaluate(() => window.__printed);
  assert.match(printed.root, /print-national/);
  assert.equal(printed.rows, 11);
  assert.match(printed.text, /Provinsi Maluku/);
  assert.match(printed.text, /UCJ/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).display), 'none');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.national-print')).display), 'block');
  // The view's own address is short: printed as text beside a code of 28 mm.
  const short = await printedLink(page);
  assert.ok(short.chars <= 200, `the address has ${short.chars} characters`);
  assert.equal(short.text, short.href);
  assert.ok(Math.abs(short.qr - 106) < 4, `the short address's code prints ${short.qr.toFixed(0)} px wide`);
  // With a larger scenario open (the Mukomuko example: worker groups, several sources) the
  // address carries it: too long to type, so a larger code and no text, as on the region's
  // brief.
  await page.emulateMedia({ media: 'screen' });
  const example = await readFile(new URL('../examples/mukomuko-2024.json', import.meta.url));
  await page.setInputFiles('#import-json', { name: 'mukomuko-2024.json', mimeType: 'application/json', buffer: example });
  await waitFor(page, () => location.href.length > 300, undefined, { message: 'the scenario in the address' });
  await page.evaluate(() => { window.__printed = null; });
  await page.click('#national-print');
  await waitFor(page, () => !!window.__printed, undefined, { message: 'printed again' });
  await page.emulateMedia({ media: 'print' });
  const long = await printedLink(page);
  // CSS pixels at 96 per inch: 28 mm is about 106 px.
  assert.ok(long.qr > 110, `the long address's code prints ${long.qr.toFixed(0)} px wide`);
  assert.equal(long.text, null, 'the long address printed as text');
  assert.match(long.scan, /Pindai kode QR/);
  await page.emulateMedia({ media: 'screen' });
}

// The address says which view is open: a copied address reopens it; an unknown province says so.
export async function testAddress({ page }) {
  await openApp(page, '/#national=81');
  await expectCount(page, '#national-table tbody tr', 11, { timeout: 60_000 });
  assert.equal(await page.getAttribute('#national .tile[data-code="81"]', 'aria-pressed'), 'true');
  // The app adds the scenario beside the view, and the view follows the drill-down.
  await waitFor(page, () => location.hash.includes('s=') && location.hash.endsWith('national=81'), undefined, { message: 'the address keeps the view' });
  const title = await page.textContent('.region-title');
  await page.click('#national-back');
  await waitFor(page, () => location.hash.endsWith('&national='), undefined, { message: 'the address says the nation' });
  const link = await page.evaluate(() => location.href);
  // An older link (no view) opens with the section closed, as before.
  await page.goto('about:blank');
  await openApp(page, link.replace('&national=', ''));
  await waitForText(page, title, { selector: '.region-title' });
  assert.equal(await page.getAttribute('#national', 'open'), null);
  // An unknown province: a message, the nation, and the same scenario.
  await page.goto('about:blank');
  await openApp(page, link.replace('&national=', '&national=99'));
  await waitForText(page, '(kode 99)', { selector: '#national-unknown' });
  await expectCount(page, '#national-table tbody tr', 38, { timeout: 60_000 });
  await waitForText(page, title, { selector: '.region-title' });
  // `#national` alone, as a reader might type it, opens the nation; typed into the address of
  // the open page too.
  await page.goto('about:blank');
  await openApp(page, '/#national');
  await expectCount(page, '#national-table tbody tr', 38, { timeout: 60_000 });
  await waitForText(page, title, { selector: '.region-title' });
  await page.goto('about:blank');
  await openApp(page, link.replace('&national=', ''));
  await waitForText(page, title, { selector: '.region-title' });
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => { location.hash = 'national'; })]);
  await expectCount(page, '#national-table tbody tr', 38, { timeout: 60_000 });
  await waitForText(page, title, { selector: '.region-title' });
}

// The national embed: the tile map and the nation's sentence; the generator offers it.
export async function testEmbed({ page, screenshot }) {
  await page.goto('/?embed=national&lang=en', { waitUntil: 'load' });
  await expectCount(page, '#embed .tile', 38, { timeout: 60_000 });
  await waitForText(page, 'vulnerable workers (estimate)', { selector: '#national-summary' });
  await waitForText(page, 'UCJ', { selector: '#national-ucj' });
  assert.equal(await page.locator('#embed button.tile').count(), 0, 'tiles are not buttons in the embed');
  // The English embed's link opens the full app in English.
  assert.match(await page.getAttribute('#embed-open', 'href'), /#national=&lang=en$/);
  await screenshot('national-embed');
  // Wide enough, the tiles carry their names and no list follows; on a phone the tiles are
  // colour only, and the provinces follow by name, highest coverage first.
  const listShown = () => page.evaluate(() => getComputedStyle(document.querySelector('#embed .tile-list')).display !== 'none');
  assert.equal(await listShown(), false, 'a list beside named tiles');
  await page.setViewportSize({ width: 360, height: 740 });
  await waitFor(page, () => getComputedStyle(document.querySelector('#embed .tile-list')).display !== 'none', undefined,
    { message: 'the list on a phone' });
  const list = await page.$$eval('#embed .tile-list li', (items) => items.map((li) => ({
    name: li.firstElementChild.textContent,
    pct: Number(li.lastElementChild.textContent.replace('%', '')),
    shown: li.getBoundingClientRect().width > 0,
  })));
  assert.equal(list.length, 38);
  assert.ok(list.every((p) => p.shown && p.name.length > 2), JSON.stringify(list.slice(0, 3)));
  assert.deepEqual(list.map((p) => p.pct), [...list.map((p) => p.pct)].sort((a, b) => b - a));
  assert.ok(list.some((p) => p.name === 'Maluku'), 'Maluku by name');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the phone embed scrolls sideways by ${overflow}px`);
  await screenshot('national-embed-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/');
  await page.locator('#embed-generator > summary').click();
  await page.check('#embed-shows-national');
  await waitForText(page, 'embed=national', { selector: '#embed-url' });
  await expectCount(page, '#embed-control-budget', 0);
}

/** The national brief's link as printed: the address, its code's width, its text or the
 * request to scan. */
function printedLink(page) {
  return page.evaluate(() => ({
    href: location.href,
    chars: location.href.length,
    qr: document.querySelector('.national-brief .brief-qr img').getBoundingClientRect().width,
    text: document.querySelector('.national-brief .link-text')?.textContent ?? null,
    scan: document.querySelector('.national-brief .link-scan')?.textContent ?? '',
  }));
}
