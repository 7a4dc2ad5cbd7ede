// The address bar always holds the scenario on screen: edits replace the address (no new
// history entries), and opening the copied address elsewhere shows the same headline. On a
// first visit the unedited default stays a plain address (which opens it) and is not saved.
import { assert, openApp, waitFor, textOf } from './lib.mjs';

const headline = async (page) =>
  (await textOf(page, '#card-coverage')).replace(/\s+/g, ' ').trim() + ' | ' + (await textOf(page, '#card-cost')).replace(/\s+/g, ' ').trim();

export async function testAddressFollowsEdits({ page, browser, baseURL }) {
  // The page's clock is Playwright's, so that the app's timers (the address is written
  // 250 ms and the work saved 300 ms after a change) can be run through, not waited for.
  await page.clock.install();
  await openApp(page, '/');
  await waitFor(page, () => document.querySelector('#card-coverage'), undefined, { message: 'the first headline' });
  await page.clock.runFor(1000);
  const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
  assert.equal(await page.evaluate(() => location.hash), '', 'an unedited first visit keeps the plain address');
  assert.equal(await page.evaluate(() => localStorage.getItem('payung.current')), null, 'an unedited first visit saves nothing');
  await page.fill('#f-source-0-yearly-text', '5.500.000.000');
  await waitFor(page, (old) => location.href !== old, before.href, { message: 'the address to change after an edit' });
  const after = await page.evaluate(() => ({ href: location.href, length: history.length }));
  assert.equal(after.length, before.length, 'editing adds no history entries (replaceState, not pushState)');
  assert.match(after.href, /#s=\d+\./);
  const here = await headline(page);

  // A fresh browser (no storage) opening the copied address shows the same headline.
  const other = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 1280, height: 900 } });
  try {
    const second = await other.newPage();
    await openApp(second, after.href);
    await waitFor(second, () => document.querySelector('#card-coverage'), undefined, { message: 'the headline in the new page' });
    assert.equal(await headline(second), here);
    assert.equal(await second.inputValue('#f-source-0-yearly-text'), '5.500.000.000');
  } finally {
    await other.close();
  }

  // Reloading keeps what is on screen.
  await page.reload();
  await waitFor(page, () => document.querySelector('#card-coverage'), undefined, { message: 'the headline after reload' });
  assert.equal(await headline(page), here);
  assert.equal(await page.inputValue('#f-source-0-yearly-text'), '5.500.000.000');
}

// A link copied from the English page opens in English, in a browser that has never seen
// the app (an Indonesian one); back in Indonesian, the address no longer says a language.
export async function testALinkCopiedInEnglishOpensInEnglish({ page, browser, baseURL }) {
  await openApp(page, '/');
  await waitFor(page, () => document.querySelector('#card-coverage'), undefined, { message: 'the first headline' });
  await page.fill('#f-source-0-yearly-text', '5.500.000.000');
  await waitFor(page, () => location.hash.includes('s='), undefined, { message: 'the scenario in the address' });
  await page.click('#toggle-lang');
  await waitFor(page, () => location.hash.endsWith('&lang=en'), undefined, { message: 'the address says English' });
  const link = await page.evaluate(() => location.href);
  const here = await headline(page);
  const other = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 1280, height: 900 } });
  try {
    const second = await other.newPage();
    await openApp(second, link);
    await waitFor(second, () => document.querySelector('#card-coverage')?.textContent.includes('Coverage at the end'), undefined,
      { message: 'the copied link in English' });
    assert.equal(await headline(second), here);
    assert.equal(await second.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await other.close();
  }
  await page.click('#toggle-lang');
  await waitFor(page, () => location.hash.includes('s=') && !location.hash.includes('lang='), undefined,
    { message: 'the address without a language in Indonesian' });
}
