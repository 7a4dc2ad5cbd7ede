// "Pilih wilayah" (issue 12): a planner anywhere finds their kab/kota by typing part of its
// name, and gets a starting scenario from data, with the estimate of pekerja rentan explained.
import { assert, openApp, waitFor, waitForText, expectText } from './lib.mjs';

export async function test({ page, screenshot }) {
  await openApp(page, '/');
  await page.fill('#region-search', 'sleman');
  await waitForText(page, 'Kabupaten Sleman', { selector: '#region-results' });
  await screenshot('region-picker-results');
  await page.press('#region-search', 'Enter');
  await waitForText(page, 'Kabupaten Sleman', { selector: '.region-title' });
  // The estimate: 1,125,571 residents × shares, explained beside the field, marked as estimate.
  await waitForText(page, '1.125.571 penduduk', { selector: '#region-estimate' });
  await waitForText(page, 'perkiraan', { selector: '#region-estimate' });
  const workers = await page.inputValue('#f-vulnerableworkers-text');
  assert.match(workers, /^\d{3}\.\d{3}$/, `estimated workers ${workers}`);
  // Its desa bring a Dana Desa source beside the APBD line.
  await waitFor(page, () => [...document.querySelectorAll('.source-card')].length === 2, undefined, { message: 'two sources' });
  assert.equal(await page.locator('.source-card[aria-label="APBD Kabupaten Sleman"]').count(), 1);
  await screenshot('region-sleman');

  // "kota amb" with a click; the English names follow the language.
  await page.fill('#region-search', 'kota amb');
  await page.click('.region-result[data-code="81.71"]');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  await page.click('#toggle-lang');
  await page.fill('#region-search', 'bontang');
  await waitForText(page, 'Bontang City — Kalimantan Timur', { selector: '#region-results' });
  await page.fill('#region-search', 'zzzz');
  await expectText(page, '#region-results', 'No region matches.');
}

/** On a phone the search box takes the column's width and its matches come right under it,
 * on screen while the user types. */
export async function testPhone({ page, screenshot }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '/');
  await page.click('#show-controls');
  await waitFor(page, () => document.querySelector('#region-search')?.offsetParent, undefined, { message: 'the search box' });
  await page.locator('#region-search').scrollIntoViewIfNeeded();
  await page.fill('#region-search', 'sleman');
  await waitForText(page, 'Kabupaten Sleman', { selector: '#region-results' });
  const boxes = await page.evaluate(() => {
    const input = document.querySelector('#region-search').getBoundingClientRect();
    const first = document.querySelector('#region-results li').getBoundingClientRect();
    return { inputWidth: input.width, inputBottom: input.bottom, firstTop: first.top, firstBottom: first.bottom, h: innerHeight };
  });
  assert.ok(boxes.inputWidth > 250, `the search box is ${boxes.inputWidth.toFixed(0)} px wide`);
  assert.ok(boxes.firstTop - boxes.inputBottom < 16, `the first match is ${(boxes.firstTop - boxes.inputBottom).toFixed(0)} px below the box`);
  assert.ok(boxes.firstBottom <= boxes.h, `the first match ends at ${boxes.firstBottom.toFixed(0)} px, below the ${boxes.h} px screen`);
  await screenshot('region-picker-phone');
}
