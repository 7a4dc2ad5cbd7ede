// Every bad input gets a message beside its field, in the user's language, naming the
// field and the valid range or form, with aria-invalid="true" on the field; the charts
// keep the last valid scenario. One test per input from issue 10's list.
import { readFile } from 'node:fs/promises';
import { assert, openApp, waitFor, waitForText, expectVisible, textOf } from './lib.mjs';

const ready = async (page) => {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelectorAll('.chart svg').length === 3, undefined, { message: 'three charts' });
};
const invalid = (page, selector) =>
  waitFor(page, (s) => document.querySelector(s)?.getAttribute('aria-invalid') === 'true', selector,
    { message: `${selector} to be marked aria-invalid` });

export async function testAThirtyDigitBudgetIsTooLargeNotNotANumber({ page }) {
  await ready(page);
  const field = '#f-source-0-yearly-text';
  const before = await textOf(page, '#card-cost');
  await page.fill(field, '123456789012345678901234567890');
  await page.press(field, 'Enter');
  const message = await waitForText(page, /terlalu besar: paling banyak Rp/, { selector: '.field.invalid .field-error' });
  assert.match(message, /Anggaran per tahun/);
  assert.doesNotMatch(message, /Bukan angka/);
  await invalid(page, field);
  assert.equal(await textOf(page, '#card-cost'), before, 'the last valid numbers stay');
  // The whole number fits the field: nothing is cut off.
  await page.fill(field, '47.289.900.000');
  const clipped = await page.evaluate((s) => { const i = document.querySelector(s); return i.scrollWidth - i.clientWidth; }, field);
  assert.ok(clipped <= 0, `the budget field cuts ${clipped}px of "47.289.900.000"`);
}

// Typed key by key, an amount passes through valid values on its way: the last one stays in
// use when a further digit makes it too large, and the message says which it is. A message
// shown follows the text as it is typed, never one about text no longer there.
export async function testARejectedAmountSaysWhichAmountStillCounts({ page }) {
  await ready(page);
  const field = '#f-source-0-yearly-text';
  await page.fill(field, '');
  // On a slow laptop (the CPU slowed 6×) keys come faster than the page draws: the app's
  // answer to "1000000000000" arrives after the fourteenth digit, and must not write the
  // older amount over it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.locator(field).pressSequentially('10000000000001');
  // The page has drawn the last amount the app took (the slider shows it), and a frame since.
  await waitFor(page, () => document.querySelector('#f-source-0-yearly')?.value === '1000000000000', undefined,
    { message: 'the slider at Rp 1.000.000.000.000' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.equal(await page.inputValue(field), '10000000000001', 'the typed text stays as typed');
  await page.press(field, 'Tab');
  const message = await waitForText(page, /Harus antara Rp 0 dan Rp 10,0 triliun\./, { selector: '.field.invalid .field-error' });
  assert.match(message, /Hasil masih memakai Rp 1\.000\.000\.000\.000\./);
  await invalid(page, field);
  // Still in the field, "abc" replaces the message about the range at once.
  await page.fill(field, 'abc');
  const now = await waitForText(page, /Bukan angka/, { selector: '.field.invalid .field-error' });
  assert.doesNotMatch(now, /Harus antara/);
  assert.match(now, /Hasil masih memakai Rp 1\.000\.000\.000\.000\./);
  // A valid amount clears it.
  await page.fill(field, '3.000.000.000');
  await waitFor(page, () => !document.querySelector('.field.invalid .field-error'), undefined, { message: 'the message goes' });
  // In English, the same in English.
  await page.click('#toggle-lang');
  await page.fill(field, '20000000000000');
  await page.press(field, 'Enter');
  const en = await waitForText(page, /Must be between/, { selector: '.field.invalid .field-error' });
  assert.match(en, /The results still use Rp 3,000,000,000\./);
}

// ↺ shows the preset's amount even when that amount was typed before (the field keeps the
// amounts it handed on, to tell their late answers from a change made elsewhere).
export async function testAResetShowsThePresetAfterItWasTyped({ page }) {
  await ready(page);
  const field = '#f-source-0-yearly-text';
  const preset = await page.inputValue(field);
  await page.fill(field, '5.000.000.000');
  await page.fill(field, preset);
  await page.fill(field, '7.000.000.000');
  await page.click(`.field:has(${field}) button.reset`);
  await waitFor(page, ([f, p]) => document.querySelector(f).value === p, [field, preset],
    { message: `the field back at ${preset}` });
}

export async function testAFractionOfAWorkerIsRefused({ page }) {
  await ready(page);
  const field = '#f-startingcover-0-text';
  const before = await page.inputValue(field);
  await page.fill(field, '2,5');
  await page.press(field, 'Enter');
  const message = await waitForText(page, /harus bilangan bulat/, { selector: '.field.invalid .field-error' });
  assert.match(message, /bukan 2,5/);
  await invalid(page, field);
  // English names the form in English.
  await page.click('#toggle-lang');
  await page.fill(field, '2.5');
  await page.press(field, 'Enter');
  await waitForText(page, /must be a whole number, such as 15,000, not 2\.5/, { selector: '.field.invalid .field-error' });
  assert.notEqual(before, '2');
}

export async function testAStartYearPastTheTargetSaysSo({ page }) {
  await ready(page);
  const target = await page.inputValue('#f-targetyear-text');
  await page.fill('#f-startyear-text', String(Number(target) + 2));
  await waitForText(page, new RegExp(`Tahun target ${target} di luar horizon`), { selector: '#scenario-error' });
  await invalid(page, '#f-startyear-text');
  await invalid(page, '#f-targetyear-text');
  assert.equal(await page.inputValue('#f-targetyear-text'), target, 'the target year is not moved');
}

export async function testTheThirteenthSourceSaysWhyNot({ page }) {
  await ready(page);
  let n = await page.evaluate(() => document.querySelectorAll('.source-card').length);
  while (n < 12) {
    await page.click('#add-source');
    n += 1;
    await waitFor(page, (k) => document.querySelectorAll('.source-card').length === k, n, { message: `${n} sources` });
  }
  assert.equal(await page.isDisabled('#add-source'), true);
  assert.equal(await page.getAttribute('#add-source', 'aria-describedby'), 'sources-full');
  assert.match(await textOf(page, '#sources-full'), /Paling banyak 12 sumber pendanaan/);
}

/** "1,5" typed as a budget is not Rp 2: a fraction of a Rupiah is refused, with how to
 * write 1,5 miliar, and the last valid budget stays. */
export async function testAFractionOfARupiahIsRefused({ page }) {
  await ready(page);
  const field = '#f-source-0-yearly-text';
  const before = await textOf(page, '#card-cost');
  for (const typed of ['1,5', '1.5']) {
    await page.fill(field, typed);
    await page.press(field, 'Tab');
    const message = await waitForText(page, /Rupiah utuh/, { selector: '.field.invalid .field-error' });
    assert.match(message, /Anggaran per tahun dalam Rupiah utuh, bukan 1[,.]5\. Untuk Rp 1,5 miliar, tulis "1,5 miliar"/);
    await invalid(page, field);
    assert.equal(await textOf(page, '#card-cost'), before, 'the last valid numbers stay');
  }
  await page.fill(field, '1,5 miliar');
  await page.press(field, 'Tab');
  await waitFor(page, () => !document.querySelector('.field.invalid'), undefined, { message: '1,5 miliar taken' });
  // Once left, the amount is written out in the language's digits.
  await waitFor(page, (s) => document.querySelector(s).value === '1.500.000.000', field, { message: '1.500.000.000 in the field' });
}

export async function testADuplicateNameAndALastYearBeforeTheFirstMarkTheirFields({ page }) {
  await ready(page);
  const first = await page.inputValue('#src-0-name');
  await page.fill('#src-1-name', first);
  await invalid(page, '#src-1-name');
  await waitForText(page, 'dipakai lebih dari sekali', { selector: '.source-card:nth-child(2) .field-error' });
  await page.fill('#src-1-name', 'Dana Desa');
  await waitFor(page, () => !document.querySelector('#scenario-error'), undefined, { message: 'the name problem to clear' });

  await page.uncheck('#src-0-open');
  const firstYear = Number(await page.inputValue('#f-source-0-firstyear-text'));
  await page.fill('#f-source-0-lastyear-text', String(firstYear + 1));
  await page.fill('#f-source-0-firstyear-text', String(firstYear + 2));
  await waitForText(page, 'sebelum tahun pertama', { selector: '#scenario-error' });
  await invalid(page, '#f-source-0-lastyear-text');
  await invalid(page, '#f-source-0-firstyear-text');
}

/** The current scenario as the app exports it. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

export async function testBadImportsAreToldInTheUsersWords({ page }) {
  await ready(page);
  const scenario = await exported(page);
  // A mouse can drop a file, and the panel says so (a touch screen hides it: layout.spec).
  assert.ok(await page.isVisible('#import-hint'), 'the drop hint is visible with a mouse');
  assert.match(await textOf(page, '#import-hint'), /\S/, 'the drop hint says something');
  const files = [
    ['negative.json', { ...scenario, region: { ...scenario.region, vulnerable_workers: -5 } }, /Pekerja rentan|pekerja/],
    ['newer.json', { ...scenario, schema_version: 99 }, /versi Payung yang lebih baru|lebih baru/],
  ];
  for (const [name, json, expected] of files) {
    await page.setInputFiles('#import-json', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    const message = await waitForText(page, expected, { selector: '#import-error' });
    assert.doesNotMatch(message, /invalid value|expected|region\.|schema_version|\bat line\b/, message);
    await invalid(page, '#import-json');
  }
}

export async function testACorruptSavedEntryIsNamedByItsName({ page }) {
  await openApp(page, '/');
  await page.evaluate(() => {
    localStorage.setItem('payung.saved.v1.zz9', JSON.stringify({
      id: 'zz9', name: 'Opsi Rusak', saved_at: '2026-01-01T00:00:00+07:00', schema_version: 1,
      scenario: { schema_version: 1, region: { vulnerable_workers: 'banyak' } },
    }));
  });
  await page.reload();
  await ready(page);
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  const text = await waitForText(page, '“Opsi Rusak”', { selector: '#saved' });
  assert.doesNotMatch(text, /zz9/);
  assert.doesNotMatch(text, /scenario\.|region\./);
}

export async function testTheBapakAsuhCardSaysWhatItYields({ page }) {
  await ready(page);
  const index = await page.evaluate(() => [...document.querySelectorAll('.source-card select[id$="-kind"]')].findIndex((s) => s.value === 'bapak_asuh'));
  assert.ok(index >= 0, 'Ambon has a bapak asuh source');
  await expectVisible(page, `#src-${index}-yield`);
  assert.match(await textOf(page, `#src-${index}-yield`), /≈ [\d.]+ pekerja ≈ Rp [\d,]+ (juta|miliar)\/tahun/);
}
