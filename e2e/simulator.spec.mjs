// The simulator as a new user tries it (issue 3): open Ambon, raise the APBD budget,
// add a bapak asuh source, turn on JHT, type a bad value, goal-seek and apply, switch to
// English. e2e/suite.test.mjs also fails the test on any request that leaves the served origin.
import { assert, openApp, scrollThrough, waitFor, waitForText, textOf, expectText, waitForEngineThreads, waitForPanels } from './lib.mjs';

const svg = (page, id) => page.evaluate((id) => document.querySelector(`#${id} svg`)?.outerHTML ?? '', id);

export async function test({ page, screenshot }) {
  // 1. Open it and see Ambon.
  await openApp(page, '/');
  await waitForText(page, 'Kota Ambon', { selector: '.region-title' });
  // Once it has loaded, with its three engine threads (which may start after the first
  // render on a busy machine) and its panels below the first screen (fetched once the first
  // screen is up), the app makes no request at all, to any origin.
  await waitForEngineThreads(page);
  await waitForPanels(page);
  const late = [];
  page.on('request', (r) => late.push(r.url()));
  assert.equal(await page.inputValue('#preset'), 'ambon');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });

  // 2. Raise the APBD budget: the coverage card and chart change.
  const cardBefore = await textOf(page, '#card-coverage');
  const chartBefore = await svg(page, 'chart-coverage');
  await page.fill('#f-source-0-yearly-text', '6 miliar');
  await waitFor(page, (before) => document.querySelector('#card-coverage').innerText !== before, cardBefore,
    { message: 'the coverage card to change' });
  await waitFor(page, (before) => document.querySelector('#chart-coverage svg').outerHTML !== before, chartBefore,
    { message: 'the coverage chart to change' });
  assert.match(await textOf(page, '#card-coverage'), /%/);

  // 3. Add a bapak asuh source.
  const cards = await page.locator('.source-card').count();
  await page.selectOption('#new-source-kind', 'bapak_asuh');
  await page.click('#add-source');
  await waitFor(page, (n) => document.querySelectorAll('.source-card').length === n + 1, cards, { message: 'a new source card' });
  await waitForText(page, 'Partisipasi ASN', { selector: `.source-card:nth-child(${cards + 1})` });

  // 4. Turn on JHT: the cost per worker rises to Rp 36.800.
  await expectText(page, '#cost-per-worker', 'Rp 16.800');
  await page.check('#jht');
  await expectText(page, '#cost-per-worker', 'Rp 36.800');

  // 5. Type "abc" into a budget field: a message beside it, the charts still drawn, nothing NaN.
  const cardValid = await textOf(page, '#card-coverage');
  await page.fill('#f-source-0-yearly-text', 'abc');
  await page.press('#f-source-0-yearly-text', 'Tab');
  await waitForText(page, 'Bukan angka', { selector: '.field.invalid .field-error' });
  assert.equal(await page.locator('.chart svg').count(), 3);
  assert.equal(await textOf(page, '#card-coverage'), cardValid, 'the last valid value keeps driving the cards');
  assert.ok(!(await textOf(page, 'main')).includes('NaN'));
  await screenshot('simulator-bad-input');
  await page.fill('#f-source-0-yearly-text', '6.000.000.000');
  await waitFor(page, () => !document.querySelector('.field.invalid'), undefined, { message: 'the message to clear' });

  // 6. Goal-seek and apply it: the budget field takes the answer and the target is reached.
  // The answer for these inputs, not the last one kept (dimmed, busy) while it is worked out.
  const answer = await waitForText(page, /Rp [\d.]+\)/, { selector: '.kept-answer[aria-busy="false"] #goal-answer', timeout: 20_000 });
  const amount = answer.match(/\((Rp [\d.]+)\)/)[1];
  await page.click('#goal-apply');
  await expectText(page, '#goal-apply', 'Sudah diterapkan', { timeout: 20_000 });
  assert.equal('Rp ' + (await page.inputValue('#f-source-0-yearly-text')), amount);
  const target = await textOf(page, '#card-target .big');
  assert.match(target, /^[A-Z][a-z]+ 20\d\d$/, `the target card names the month reached: ${target}`);

  assert.deepEqual(late, [], 'requests after load');

  // 7. Switch to English, and the choice is remembered after a reload.
  await page.click('#toggle-lang');
  await waitForText(page, 'Coverage at the end', { selector: '#card-coverage' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await waitForText(page, 'Yearly cost by funding source', { selector: '#chart-cost' });
  await screenshot('simulator-english');
  await page.reload();
  await waitForText(page, 'Coverage at the end', { selector: '#card-coverage' });
}

export async function testPhoneAndProjector({ page, screenshot }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '/');
  await scrollThrough(page);
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 360px`);
  // Charts are drawn for the phone (legend below, little scaling): a legend label is at
  // least 7 px tall on screen, not the ~5 px of an 800-unit chart squeezed into 310 px.
  const label = await page.evaluate(() => {
    const svg = document.querySelector('#chart-cost svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize));
    return Math.min(...sizes.filter((x) => x > 0)) * scale;
  });
  assert.ok(label >= 7, `the smallest chart text is ${label.toFixed(1)} px on a phone`);
  await screenshot('phone-360');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.click('#toggle-presentation');
  await waitFor(page, () => document.querySelector('.app.presentation'), undefined, { message: 'presentation mode' });
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(size >= 20, `presentation font size ${size}`);
  await screenshot('projector-1920');
}

export async function testKeyboardOnly({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  // Every range input has an accessible name and a value in words; every text input a label.
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label')))
    .map((el) => el.id || el.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabeled, []);
  const valuetext = await page.getAttribute('#f-source-0-yearly', 'aria-valuetext');
  assert.match(valuetext, /^Rp [\d,]+ miliar$/);
  // The slider moves from the keyboard and the text field follows.
  const before = await page.inputValue('#f-vulnerableworkers-text');
  await page.focus('#f-vulnerableworkers');
  await page.keyboard.press('ArrowRight');
  await waitFor(page, (b) => document.querySelector('#f-vulnerableworkers-text').value !== b, before,
    { message: 'the typed field to follow the slider' });
  // Each chart has a text alternative.
  // (the card's heading and unit label it, its one-sentence summary describes it).
  const described = await page.evaluate(() => [...document.querySelectorAll('.chart svg')]
    .every((s) => {
      const words = (attr) => (s.getAttribute(attr) || '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return s.getAttribute('role') === 'img' && words('aria-labelledby').trim().length > 5 && words('aria-describedby').length > 20;
    }));
  assert.ok(described, 'every chart svg is labelled and described');
}

export async function testHostileInput({ page, screenshot }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  const field = '#f-source-0-yearly-text';
  for (const [typed, message] of [['', 'kosong'], ['-5', 'Harus antara'], ['999 triliun', 'Harus antara'], ['1..2', 'Bukan angka'], ['12 kg', 'Satuan "kg" tidak dikenal']]) {
    await page.fill(field, typed);
    await page.press(field, 'Enter');
    await waitForText(page, message, { selector: '.field.invalid .field-error' });
  }
  // A cross-field problem (more covered at the start than workers) keeps the last valid
  // numbers and names the problem in a banner.
  await page.fill('#f-vulnerableworkers-text', '100');
  await waitForText(page, 'melebihi', { selector: '#scenario-error' });
  await page.fill('#f-vulnerableworkers-text', '70.000');
  await waitFor(page, () => !document.querySelector('#scenario-error'), undefined, { message: 'the banner to clear' });
  // The longest horizon, then every source removed: still charts, no NaN, a clear goal-seek note.
  await page.fill('#f-horizonyears-text', '20');
  await waitFor(page, () => document.querySelector('#yearly-table tbody').rows.length >= 20, undefined, { message: '20 yearly rows' });
  while (await page.locator('.source-card').count() > 0) {
    const n = await page.locator('.source-card').count();
    await page.locator('.source-card button.danger').first().click();
    await waitFor(page, (n) => document.querySelectorAll('.source-card').length === n - 1, n, { message: 'a source removed' });
  }
  await waitForText(page, 'Belum ada sumber pendanaan', { selector: '.goal-seek' });
  assert.equal(await page.locator('.chart svg').count(), 3);
  const text = await page.evaluate(() => document.body.textContent);
  assert.ok(!/NaN|undefined|inf\b/.test(text), 'no NaN, undefined or inf on the page');
  await screenshot('hostile-input');
}

/** A drag of the budget slider stays on the scale it started on: from Rp 3 miliar to near its
 * right end gives at most Rp 10 miliar (the range no longer widens under the thumb, move by
 * move, up to Rp 10 triliun). */
export async function testADragStaysOnItsScale({ page }) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
  const slider = page.locator('#f-source-0-yearly');
  const box = await slider.boundingBox();
  const max = Number(await slider.getAttribute('max'));
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) {
    await page.mouse.move(box.x + box.width * (0.3 + 0.05 * i), box.y + box.height / 2);
  }
  await page.mouse.up();
  const value = Number(await slider.inputValue());
  assert.equal(Number(await slider.getAttribute('max')), max, 'the slider\'s range changed during the drag');
  assert.ok(value > 5e9 && value <= 1e10, `the drag ended at Rp ${value}`);
}
