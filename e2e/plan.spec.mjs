// Amounts by year: the goal-seek's plan for Ambon's APBD appears as a table, "Terapkan
// rencana" writes it into the source's amounts by year and the ledger shows exactly those
// amounts; a year's amount typed in the source card changes that year, ↺ clears it. At a
// laptop's and a phone's size, with screenshots of the plan and of the source card.
import path from 'node:path';
import { assert, openApp, scrollThrough, waitFor, waitForText, expectText, textOf } from './lib.mjs';

const cells = (page, selector) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((c) => c.textContent), selector);

/** Saves a screenshot of the first element `selector` names as <name>.png in the artifacts. */
async function shoot(page, artifacts, selector, name) {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

async function planShown(page) {
  await openApp(page, '/');
  await scrollThrough(page); // on a phone, as a reader would
  await waitFor(page, () => document.querySelectorAll('#plan-table .plan-amount').length > 0, undefined,
    { timeout: 30_000, message: 'the plan table' });
  return cells(page, '#plan-table .plan-amount');
}

export async function test({ page, artifacts }) {
  await page.setViewportSize({ width: 1366, height: 768 });
  const planned = await planShown(page);
  assert.equal(planned.length, 5, 'one row per year of the horizon, 2026–2030');
  await waitForText(page, 'Desember 2029', { selector: '#plan-meaning' });
  await shoot(page, artifacts, '.goal-seek', 'plan-goal-seek-laptop');

  // Apply it: the APBD's amount row of the ledger is the plan, Rupiah for Rupiah.
  await page.click('#plan-apply');
  await waitFor(page, (p) => JSON.stringify([...document.querySelectorAll('#ledger-budget-0 td')].map((c) => c.textContent)) === p,
    JSON.stringify(planned), { timeout: 30_000, message: 'the ledger to show the plan' });
  await expectText(page, '#plan-apply', 'Rencana sudah diterapkan', { timeout: 30_000 });

  // The flat amount is not what the source pays now: offered again, not "applied".
  await expectText(page, '#goal-apply', 'Terapkan', { timeout: 30_000 });
  // The source card lists the same amounts by year, open to see, each one editable.
  assert.ok(await page.evaluate(() => document.querySelector('#src-0-by-year').open), 'the years shown');
  assert.equal(await page.inputValue('#f-source-0-byyear-2027-text'), planned[1]);
  await shoot(page, artifacts, '.source-card', 'plan-source-card-laptop');

  // One year typed, then cleared with ↺: back to yearly × growth.
  await page.fill('#f-source-0-byyear-2028-text', '12 miliar');
  await waitFor(page, () => document.querySelectorAll('#ledger-budget-0 td')[2]?.textContent === '12.000.000.000',
    undefined, { message: '2028 to get 12 miliar' });
  const clears = await page.locator('#src-0-by-year .clear-year').count();
  await page.locator('#src-0-by-year .clear-year').nth(2).click();
  await waitFor(page, (n) => document.querySelectorAll('#src-0-by-year .clear-year').length === n - 1, clears,
    { message: 'one year cleared' });

  // The Dana Desa card says what it yields, and its ℹ says the per-desa amount is an estimate.
  await waitForText(page, 'pekerja selama setahun', { selector: '#src-1-yield' });
  await page.click('.field:has(#f-source-1-perdesa-text) .info summary');
  await waitForText(page, 'perkiraan', { selector: '.field:has(#f-source-1-perdesa-text) .info[open] .info-body' });
  await waitForText(page, 'Pertanyaan hukum terbuka', { selector: '.field:has(#f-source-1-perdesa-text) .info-body' });
  await shoot(page, artifacts, '.source-card:nth-child(2)', 'dana-desa-card-laptop');

  // In English too.
  await page.click('#toggle-lang');
  await waitForText(page, 'Plan by year', { selector: '#goal-plan' });
  // English separators in the plan and the ledger: 4,105,130,400, not 4.105.130.400.
  await waitFor(page, () => /^\d{1,3}(,\d{3})+$/.test(document.querySelector('#plan-table .plan-amount').textContent.trim()),
    undefined, { message: 'English separators in the plan table' });
  assert.match(await textOf(page, '#ledger-budget-0'), /\d,\d{3},\d{3}/);
}

export async function testPhone({ page, artifacts }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await planShown(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 360px`);
  await shoot(page, artifacts, '.goal-seek', 'plan-goal-seek-phone');
  // The plan's table is wider than a phone: it scrolls sideways, and its box shows a shadow
  // on the side with more to see (the covers scroll with the table, the shadows stay).
  const table = await page.evaluate(() => {
    const box = document.querySelector('.goal-seek .table-scroll');
    const style = getComputedStyle(box);
    return { hidden: box.scrollWidth - box.clientWidth, layers: style.backgroundImage.match(/gradient\(/g)?.length ?? 0,
      attachment: style.backgroundAttachment, overflow: style.overflowX };
  });
  assert.ok(table.hidden > 0, `the plan's table fits a phone (${table.hidden} px hidden)`);
  assert.equal(table.overflow, 'auto');
  assert.equal(table.layers, 4, 'two covers and two shadows');
  assert.equal(table.attachment, 'local, local, scroll, scroll');
  // On a phone the controls are one switch away from the results.
  await page.click('#show-controls');
  await scrollThrough(page);
  await page.click('#src-0-by-year summary');
  await shoot(page, artifacts, '.source-card', 'plan-source-card-phone');
}
