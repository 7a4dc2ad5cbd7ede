// Accessibility audit (issue 14): axe-core finds no serious or critical violation in any main
// view: the default page, every section open, English, a phone, the embed (light and dark),
// the compare view and the print layout.
import AxeBuilder from '@axe-core/playwright';
import { assert, openApp, waitFor, waitForText } from './lib.mjs';

const charts = (page) => waitFor(page, () => document.querySelectorAll('.chart svg').length >= 3, undefined, { message: 'the charts' });

/** Runs axe on the page as it is now and fails on serious or critical violations. */
async function audit(page, view) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(bad, [], `axe violations in ${view}`);
  return violations.length;
}

const openAll = (page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));

// Five whole-page audits and a national plan: more than the usual time limit on a busy machine.
export const slow = ['testMainViews'];

export async function testMainViews({ page }) {
  await openApp(page, '/');
  await charts(page);
  await audit(page, 'default');

  await openAll(page);
  // Opening "Seluruh Indonesia" runs the nation: audit its map and table too.
  await waitFor(page, () => document.querySelectorAll('#national .tile').length === 38, undefined, { timeout: 60_000, message: 'the national map' });
  await audit(page, 'every section open');

  await page.click('#toggle-lang');
  await waitFor(page, () => document.documentElement.lang === 'en', undefined, { message: 'English' });
  await openAll(page);
  await audit(page, 'English');

  await page.setViewportSize({ width: 360, height: 740 });
  // Every section laid out: axe places the elements of a section skipped by
  // `content-visibility: auto` where they last were, and then judges text against a button
  // from another section (the embed generator's over the preset notes' tags), which no one
  // sees; a reader scrolling there sees the section laid out.
  await page.addStyleTag({ content: '.deferred > * { content-visibility: visible !important; }' });
  await audit(page, 'phone');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await audit(page, 'print');
}

export async function testCompare({ page }) {
  await openApp(page, '/');
  await charts(page);
  for (const [name, budget] of [['Opsi A', null], ['Opsi B', '6 miliar']]) {
    if (budget) {
      await page.fill('#f-source-0-yearly-text', budget);
      await waitFor(page, () => !document.querySelector('.field.invalid'), undefined, { message: 'a valid budget' });
    }
    await page.fill('#saved-name', name);
    await page.click('#saved-save');
    await waitForText(page, name, { selector: '.saved-list' });
  }
  for (const name of ['Opsi A', 'Opsi B']) {
    await page.locator('.saved-item', { hasText: name }).locator('.saved-compare').check();
  }
  await waitFor(page, () => document.querySelectorAll('#compare svg').length >= 2, undefined, { message: 'compare charts' });
  await audit(page, 'compare');
}

export async function testEmbed({ page }) {
  await page.goto('/?embed=1&preset=ambon&controls=budget,jht', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('#app-root svg, .embed svg'), undefined, { message: 'the embed chart' });
  await audit(page, 'embed');
  await page.goto('/?embed=1&preset=bontang&lang=en&theme=dark', { waitUntil: 'load' });
  await waitFor(page, () => document.querySelector('#app-root svg, .embed svg'), undefined, { message: 'the dark embed chart' });
  await audit(page, 'embed dark English');
}
