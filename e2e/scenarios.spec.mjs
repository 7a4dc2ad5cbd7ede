// Scenarios for budget meetings (issue 4): save two, reload and both are there; compare
// them; a copied link opens the same numbers in a fresh browser context; a corrupted link
// says what was wrong and loses nothing; neither does a file opened over one's own work, nor
// a file dropped beside the file panel.
import { readFile } from 'node:fs/promises';
import { assert, openApp, waitFor, waitForText, textOf } from './lib.mjs';

// textContent, not innerText: the exact text, whatever is scrolled into view.
const contentOf = (page, selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

const ready = (page) => waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });

async function saveAs(page, name) {
  await page.fill('#saved-name', name);
  await page.click('#saved-save');
  await waitForText(page, name, { selector: '.saved-list' });
}

export async function test({ page, context, browser, baseURL, screenshot }) {
  await openApp(page, '/');
  await ready(page);

  // Two options for the meeting.
  await saveAs(page, 'Opsi A: APBD tetap');
  await page.fill('#f-source-0-yearly-text', '6 miliar');
  await waitFor(page, () => !document.querySelector('.field.invalid'), undefined, { message: 'a valid budget' });
  await waitForText(page, 'Rp 6.000.000.000 per tahun', { selector: '#goal-current', timeout: 20_000 });
  await saveAs(page, 'Opsi B: APBD 6 miliar');

  // Both survive a reload.
  await page.reload();
  await ready(page);
  // The saved list is drawn once its panel's code has arrived (after the first screen).
  await waitFor(page, () => document.querySelectorAll('.saved-item:not(.saved-current)').length >= 2, undefined,
    { message: 'both saved scenarios listed' });
  const names = await page.locator('.saved-item:not(.saved-current) .saved-name').allInnerTexts();
  // The scenario being worked on survives the reload too, unsaved edits included.
  assert.equal(await page.inputValue('#f-source-0-yearly-text'), '6.000.000.000');
  assert.ok(names.includes('Opsi A: APBD tetap') && names.includes('Opsi B: APBD 6 miliar'), `saved: ${names}`);

  // Compare them: the summary table has a column per scenario, and the inputs that differ are listed.
  for (const name of ['Opsi A: APBD tetap', 'Opsi B: APBD 6 miliar']) {
    await page.locator('.saved-item', { hasText: name }).locator('.saved-compare').check();
  }
  await waitFor(page, () => document.querySelectorAll('#compare svg').length >= 2, undefined, { message: 'compare charts' });
  const summary = await textOf(page, '#compare-summary');
  assert.match(summary, /Opsi A/);
  assert.match(summary, /Opsi B/);
  await waitForText(page, 'Anggaran per tahun', { selector: '#compare-differences' });
  await screenshot('compare');

  // Open Opsi B, copy its link, and open it in a fresh browser context: the same numbers.
  // The link panel, below and out of sight, follows another scenario once its answer is
  // here, a moment after the title: wait for it to leave the scenario open before.
  const before = await page.inputValue('#share-link');
  await page.locator('.saved-item', { hasText: 'Opsi B' }).locator('.saved-open').click();
  await waitForText(page, 'Opsi B: APBD 6 miliar', { selector: '.region-title' });
  await waitFor(page, (b) => document.querySelector('#share-link')?.value !== b, before,
    { message: 'the link of the scenario opened' });
  const link = await page.inputValue('#share-link');
  assert.match(link, /#s=3\./);
  const cards = await textOf(page, '.cards');
  const table = await contentOf(page, '#yearly-table');
  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await ready(other);
    await waitForText(other, 'Opsi B: APBD 6 miliar', { selector: '.region-title' });
    assert.equal(await textOf(other, '.cards'), cards, 'the same summary figures');
    assert.ok(table.length > 200, 'the yearly table has numbers');
    assert.equal(await contentOf(other, '#yearly-table'), table, 'the same yearly results');
    const saved = await other.locator('.saved-item:not(.saved-current)').count();
    assert.equal(saved, 0, 'a fresh browser has no saved scenarios of ours');

    // Work in progress is never lost: edit, then open a link over it, and the edit is saved
    // among the saved scenarios first, with a note saying so.
    await other.fill('#f-source-0-yearly-text', '7 miliar');
    await other.press('#f-source-0-yearly-text', 'Tab');
    await waitFor(other, () => !document.querySelector('.field.invalid'), undefined, { message: 'a valid budget' });
    await other.goto(link.replace('#', '?again#'));
    await ready(other);
    await waitForText(other, 'Sebelum membuka tautan', { selector: '#link-notice' });
    await waitFor(other, () => [...document.querySelectorAll('.saved-name')].some((e) => e.textContent.includes('Sebelum membuka tautan')),
      undefined, { message: 'the kept work among the saved scenarios' });
    await screenshot('link-over-unsaved-work');
  } finally {
    await fresh.close();
  }

  // A corrupted link: a message saying what was wrong, the work in progress (Opsi B) still
  // open rather than replaced, saved scenarios untouched.
  const broken = link.replace(/s=(\d+)\.(.{10})/, (m, edition, head) => `s=${edition}.${head.split('').reverse().join('')}`);
  await page.goto(broken);
  await ready(page);
  await waitFor(page, () => document.querySelector('#link-notice'), undefined, { message: 'the link notice' });
  assert.match(await textOf(page, '#link-notice'), /[Tt]autan/);
  assert.match(await textOf(page, '#link-notice'), /terakhir Anda yang valid tetap terbuka/);
  await waitForText(page, 'Opsi B: APBD 6 miliar', { selector: '.region-title' });
  const after = await page.locator('.saved-item:not(.saved-current) .saved-name').allInnerTexts();
  assert.deepEqual(after.sort(), names.sort(), 'saved scenarios are untouched');
  await screenshot('corrupted-link');
  // The notice follows the language switch, both ways.
  await page.click('#toggle-lang');
  await waitForText(page, 'last valid scenario is still open', { selector: '#link-notice' });
  await page.click('#toggle-lang');
  await waitForText(page, 'terakhir Anda yang valid tetap terbuka', { selector: '#link-notice' });

  // A truncated link and a future version say so too.
  await page.goto(link.slice(0, link.length - 25));
  await ready(page);
  await waitFor(page, () => document.querySelector('#link-notice'), undefined, { message: 'the truncated-link notice' });
  await page.goto(link.replace(/s=\d+\./, 's=9.'));
  await ready(page);
  await waitForText(page, 'versi', { selector: '#link-notice' });

  // A file opened over work of one's own keeps that work among the saved scenarios, and the
  // file panel says so; the file's baseline is its own region, never another region's.
  await page.goto('/');
  await ready(page);
  await page.fill('#f-source-0-yearly-text', '8 miliar');
  await page.press('#f-source-0-yearly-text', 'Tab');
  await waitFor(page, () => !document.querySelector('.field.invalid'), undefined, { message: 'a valid budget' });
  const example = await readFile(new URL('../examples/mukomuko-2024.json', import.meta.url));
  await page.setInputFiles('#import-json', { name: 'mukomuko-2024.json', mimeType: 'application/json', buffer: example });
  await waitForText(page, 'Mukomuko', { selector: '.region-title' });
  // textContent: the panel may be below the fold, out of the rendered text.
  await waitFor(page, () => document.querySelector('.file-status')?.textContent.includes('disimpan sebagai “Sebelum mengimpor berkas”'),
    undefined, { message: 'the file panel saying where the work went' });
  await waitFor(page, () => [...document.querySelectorAll('.saved-name')].some((e) => e.textContent.includes('Sebelum mengimpor berkas')),
    undefined, { message: 'the work the file replaced among the saved scenarios' });
  // The legend's entry may wrap after "Kab.": "Tanpa perubahan: Kab." and "Mukomuko".
  await waitFor(page, () => /Tanpa perubahan: Kab\.\s*Mukomuko/.test(document.querySelector('.main-chart')?.textContent ?? ''),
    undefined, { message: 'the baseline named after the file\'s region' });
  assert.ok(!(await contentOf(page, '#results')).includes('Kota Contoh'), 'no other region is named');
  await screenshot('file-over-unsaved-work');

  // A file dropped beside the file panel is refused rather than shown by the browser in the
  // app's place; on the panel it is taken.
  const refused = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{}'], 'x.json', { type: 'application/json' }));
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    document.querySelector('.cards').dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  assert.ok(refused, 'a drop outside the file panel is cancelled');
  assert.equal(new URL(page.url()).pathname, '/', 'the page stayed');
  await waitForText(page, 'Mukomuko', { selector: '.region-title' });
}
