// "Seluruh Indonesia" (issue 12): every province and kab/kota worked out in the background,
// a tile map of the 38 provinces, a sortable table, drill-down from the nation to a province
// to one kab/kota's own scenario; the page stays usable while the nation is worked out.
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
  await page.click('#national .tile[data-code="81"]');
  await expectCount(page, '#national-table tbody tr', 11);
  await waitForText(page, 'Provinsi Maluku', { selector: '#national-summary' });
  assert.equal(await page.getAttribute('#national .tile[data-code="81"]', 'aria-pressed'), 'true');
  await screenshot('national-maluku');
  await page.click('#national-back');
  await expectCount(page, '#national-table tbody tr', 38);
  await page.click('#national-table tr[data-code="81"] .open-region');
  await page.click('#national-table tr[data-code="81.71"] .open-region');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });

  // In English the regions' names and the sentence follow the language.
  await page.click('#toggle-lang');
  await waitForText(page, 'vulnerable workers (estimate)', { selector: '#national-summary' });
  await waitForText(page, 'Maluku Province', { selector: '#national-summary' });
}
