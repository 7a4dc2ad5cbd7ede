// A province planner edits the province's own sources in "Seluruh Indonesia" (issue 12):
// choosing Maluku shows "Sumber dana provinsi"; a larger APBD provinsi changes the province's
// cost and coverage (worked out again in the background); the address keeps the edit, so a
// reload shows the same numbers; a typed value that cannot be read is refused beside the
// field while the last valid plan keeps showing; English digits work in English.
import { assert, openApp, waitFor, waitForText, expectCount } from './lib.mjs';

const summary = (page) => page.textContent('#national-summary');

async function openMaluku(page) {
  await page.click('#national .tile[data-code="81"]');
  await expectCount(page, '#national-table tbody tr', 11);
  await waitForText(page, 'Provinsi Maluku', { selector: '#national-summary' });
}

export async function test({ page, screenshot }) {
  await openApp(page, '/');
  await page.locator('#national > summary').click();
  await expectCount(page, '#national-table tbody tr', 38, { timeout: 60_000 });
  await openMaluku(page);
  await waitForText(page, 'Sumber dana provinsi', { selector: '#province-sources' });
  await expectCount(page, '#province-sources fieldset.province-source', 1);
  const before = await summary(page);
  // The map, the table and the UCJ block are updated in place (issue 11): the same nodes
  // stay, with new figures, rather than markup replaced whole.
  const kept = ['#national-table', '#national-table tbody tr .cov-text', '#national .tile[data-code="81"]', '#national-ucj'];
  await page.evaluate((selectors) => { window.keptNodes = selectors.map((s) => document.querySelector(s)); }, kept);
  const figures = () => [...document.querySelectorAll('#national-table .cov-text')].map((c) => c.textContent).join(' ');
  const figuresBefore = await page.evaluate(figures);

  // Rp 80 miliar a year of APBD provinsi, typed the Indonesian way.
  await page.fill('#prov-src-0-amount-text', '80.000.000.000');
  await waitFor(page, (b) => document.querySelector('#national-summary').textContent !== b, before,
    { timeout: 60_000, message: 'the province\'s sentence follows its APBD' });
  assert.notEqual(await page.evaluate(figures), figuresBefore, 'the table shows the new coverage');
  const same = await page.evaluate((selectors) => window.keptNodes.map((node, i) =>
    !!node && node === document.querySelector(selectors[i]) && node.isConnected), kept);
  assert.deepEqual(same, [true, true, true, true], 'table, row cell, tile and UCJ block are the same nodes');
  await waitForText(page, 'diubah', { selector: '#province-sources h3' });
  const after = await summary(page);
  const cost = (s) => s.match(/biaya (Rp [^ ]+ [a-z]+)/)?.[1];
  const covered = (s) => s.match(/; ([\d,]+%) terlindungi/)?.[1];
  assert.notEqual(cost(after), cost(before), `cost: ${before} → ${after}`);
  assert.notEqual(covered(after), covered(before), `coverage: ${before} → ${after}`);
  await waitFor(page, () => document.querySelector('#prov-src-0-paid')?.textContent.includes('Dibayar'), undefined,
    { message: 'what the source paid is shown' });
  // The address follows once the edits stay still (`storage::ADDRESS_MS`).
  await waitFor(page, () => /nplan=[A-Za-z0-9_-]+/.test(location.href), undefined,
    { message: 'the address keeps the edits' });
  const url = page.url();
  assert.match(url, /national=81/, url);
  await page.locator('#province-sources').scrollIntoViewIfNeeded();
  await screenshot('province-sources-edited');

  // Another source: BKBK to every desa. Then it is removed again.
  await page.click('#province-source-add');
  await expectCount(page, '#province-sources fieldset.province-source', 2);
  await page.selectOption('#prov-src-1-kind', '1');
  await waitForText(page, 'BKBK Provinsi Maluku', { selector: '#prov-src-1-row legend' });
  await page.click('#prov-src-1-remove');
  await expectCount(page, '#province-sources fieldset.province-source', 1);

  // The link opens the same numbers.
  await waitFor(page, (a) => document.querySelector('#national-summary').textContent === a, after,
    { timeout: 60_000, message: 'back on the one-source plan' });
  await waitFor(page, (u) => location.href === u, url, { message: 'the address is back on the one-source plan' });
  await page.reload();
  await expectCount(page, '#national-table tbody tr', 11, { timeout: 60_000 });
  await waitFor(page, (a) => document.querySelector('#national-summary')?.textContent === a, after,
    { timeout: 60_000, message: 'the reloaded link shows the same numbers' });
  assert.equal(await page.inputValue('#prov-src-0-amount-text'), '80.000.000.000');
  const nplan = page.url().match(/nplan=([A-Za-z0-9_-]+)/)[1];

  // Bad input: said beside the field, the last valid plan keeps showing.
  await page.fill('#prov-src-0-amount-text', '80 miliar rupiah kira-kira');
  await page.press('#prov-src-0-amount-text', 'Tab');
  await waitFor(page, () => !!document.querySelector('#prov-src-0-amount-error'), undefined,
    { message: 'the field says why' });
  const message = await page.textContent('#prov-src-0-amount-error');
  assert.ok(message.trim().length > 0, 'a message beside the field');
  assert.equal(await page.getAttribute('#prov-src-0-amount-text', 'aria-invalid'), 'true');
  assert.equal(await summary(page), after);
  // A last year before the first: the plan cannot run, said in the editor.
  await page.fill('#prov-src-0-amount-text', '80.000.000.000');
  await page.uncheck('#prov-src-0-open-end');
  await page.fill('#prov-src-0-first-text', '2029');
  await page.fill('#prov-src-0-last-text', '2027');
  await waitForText(page, 'Tahun terakhir sebelum tahun pertama', { selector: '#province-sources-error' });
  await page.locator('#province-sources').scrollIntoViewIfNeeded();
  await screenshot('province-sources-bad-input');

  // A plan the engine refuses (two co-funding lines over 100% of each premium): taken back,
  // the reason said under the sources, the last valid plan still showing.
  await page.fill('#prov-src-0-last-text', '2031');
  await waitFor(page, () => !document.querySelector('#province-sources-error'), undefined,
    { message: 'the years run again' });
  for (const i of [1, 2]) {
    await page.click('#province-source-add');
    await page.selectOption(`#prov-src-${i}-kind`, '2');
    await page.fill(`#prov-src-${i}-amount-text`, '60');
  }
  await waitForText(page, 'Rencana ini tidak dapat dihitung', { selector: '#province-sources-error', timeout: 60_000 });
  // Taken back to the last plan that ran: the second co-funding line at 0%.
  await expectCount(page, '#province-sources fieldset.province-source', 3);
  await waitFor(page, () => document.querySelector('#prov-src-2-amount-text').value === '0', undefined,
    { message: 'the refused share is taken back' });
  assert.match(await summary(page), /Provinsi Maluku: .* terlindungi/);
  await page.click('#prov-src-2-remove');
  await page.click('#prov-src-1-remove');
  await expectCount(page, '#province-sources fieldset.province-source', 1);
  await page.uncheck('#prov-src-0-open-end');
  await page.fill('#prov-src-0-first-text', '2029');
  await page.fill('#prov-src-0-last-text', '2027');
  await waitForText(page, 'Tahun terakhir sebelum tahun pertama', { selector: '#province-sources-error' });

  // In English, English digits.
  await page.click('#toggle-lang');
  await waitForText(page, "Province's own sources", { selector: '#province-sources' });
  await waitForText(page, 'The last year is before the first', { selector: '#province-sources-error' });
  await page.fill('#prov-src-0-last-text', '2030');
  await page.fill('#prov-src-0-amount-text', '20,000,000,000');
  await waitFor(page, (a) => !document.querySelector('#national-summary').textContent.includes('terlindungi')
      && document.querySelector('#prov-src-0-amount-text').value === '20,000,000,000', after,
    { timeout: 60_000, message: 'English digits read' });
  await waitFor(page, () => !document.querySelector('#province-sources-error'), undefined,
    { message: 'a plan that runs again clears the message' });

  // The national embed with the edit: the nation's sentence differs from the starting one's,
  // and its full link reopens the edit.
  await page.goto(`/?embed=national&lang=id&nplan=${nplan}`, { waitUntil: 'load' });
  await expectCount(page, '#embed .tile', 38, { timeout: 60_000 });
  await waitForText(page, 'Indonesia:', { selector: '#national-summary' });
  const edited = await summary(page);
  assert.match(await page.getAttribute('#embed-open', 'href'), new RegExp(`nplan=${nplan}`));
  await page.goto('/?embed=national&lang=id', { waitUntil: 'load' });
  await expectCount(page, '#embed .tile', 38, { timeout: 60_000 });
  await waitForText(page, 'Indonesia:', { selector: '#national-summary' });
  assert.notEqual(await summary(page), edited, 'the embed follows the edit');
}

// A damaged `nplan` part opens the starting plans and says why, in the user's language.
export async function testADamagedLinkSaysWhyInItsLanguage({ page }) {
  await openApp(page, '/#national=81&nplan=eNqLjgUAARUAuQ');
  await waitForText(page, 'tidak dapat dibaca', { selector: '#province-sources-link', timeout: 60_000 });
  const said = await page.textContent('#province-sources-link');
  assert.match(said, /ada karakter yang berubah/, said);
  assert.doesNotMatch(said, /link|corrupted/i, said);
  await expectCount(page, '#national-table tbody tr', 11, { timeout: 60_000 });
}
