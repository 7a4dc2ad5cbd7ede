// Charts drawn for the size they are shown at (issue 10): the rendered size of every chart
// text is at least 12 px on a 360 px phone, 14 px on a 1366 px laptop, 18 px in
// presentation mode at 1920 px, and 7 pt on paper; the legend is below the plot on a phone
// and in the embed, no entry cut; the title once, a unit under it, the time axis in years
// and money ticks in words. Screenshots of each chart card for a person to look at.
import path from 'node:path';
import { assert, openApp, scrollThrough, waitFor } from './lib.mjs';

const artifacts = process.env.PAYUNG_ARTIFACTS ?? 'target/e2e-artifacts';

/** Saves a screenshot of what `selector` names as <name>.png in the artifacts. */
async function shoot(page, selector, name) {
  await page.locator(selector).first().screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Waits until every chart is drawn at the width it is shown at (no scaling). */
async function drawnForTheirBoxes(page, count = 3) {
  await waitFor(page, (n) => {
    const svgs = [...document.querySelectorAll('.chart svg')];
    return svgs.length === n && svgs.every((svg) => {
      const w = svg.getBoundingClientRect().width;
      return w > 0 && Math.abs(w - svg.viewBox.baseVal.width) < 1.5;
    });
  }, count, { message: 'charts drawn for their boxes' });
}

/** Each chart's smallest rendered text, in CSS px, with what it says. */
async function smallestText(page) {
  return page.evaluate(() => [...document.querySelectorAll('.chart')].map((fig) => {
    const svg = fig.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ px: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent }));
    texts.sort((a, b) => a.px - b.px);
    return { id: fig.id, ...texts[0], cut: texts.filter((t) => t.text.endsWith('…')).map((t) => t.text) };
  }));
}

function atLeast(found, px, where) {
  for (const c of found) {
    assert.ok(c.px >= px, `${where}: ${c.id} has text of ${c.px.toFixed(1)} px ("${c.text}"), under ${px} px`);
    assert.deepEqual(c.cut, [], `${where}: ${c.id} cuts legend entries`);
  }
}

export async function testPhone({ page }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '/');
  await scrollThrough(page);
  await drawnForTheirBoxes(page);
  atLeast(await smallestText(page), 12, '360 px');
  // The legend is below the plot: its entries are lower than the time axis's name.
  const below = await page.evaluate(() => {
    const svg = document.querySelector('#chart-cost svg');
    const y = (words) => [...svg.querySelectorAll('text')].find((t) => t.textContent === words)?.getBoundingClientRect().top;
    return { legend: y('Dana Desa'), axis: y('Tahun') };
  });
  assert.ok(below.legend > below.axis, `legend at ${below.legend}, axis name at ${below.axis}`);
  await shoot(page, '#chart-coverage', 'chart-coverage-360');
  await shoot(page, '#chart-cost', 'chart-cost-360');
}

export async function testLaptop({ page }) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, '/');
  await drawnForTheirBoxes(page);
  atLeast(await smallestText(page), 14, '1366 px');
  const words = await page.evaluate(() => {
    const fig = document.querySelector('#chart-cost');
    return {
      title: fig.querySelector('h3').textContent,
      unit: fig.querySelector('.chart-unit').textContent,
      texts: [...fig.querySelectorAll('svg text')].map((t) => t.textContent),
      baseline: [...document.querySelectorAll('#chart-coverage svg text')].map((t) => t.textContent).join(' '),
      switches: document.querySelectorAll('.chart-baseline-switch input').length,
    };
  });
  // One title (the card's heading; the SVG does not repeat it), and its unit.
  assert.ok(!words.texts.includes(words.title), 'the title is drawn twice');
  assert.equal(words.unit, 'Rupiah per tahun');
  assert.ok(words.texts.includes('Tahun'), 'the time axis says Tahun');
  assert.ok(words.texts.some((t) => /^Rp \d+(,\d+)? miliar$/.test(t)), `money ticks in words: ${words.texts}`);
  assert.ok(!words.texts.some((t) => / (M|jt|B)$/.test(t)), 'abbreviated money ticks');
  assert.match(words.baseline, /Tanpa perubahan: Kota Ambon/);
  assert.equal(words.switches, 3, 'a switch to hide the baseline on each chart');
  // The switch hides the grey line and its legend entry.
  await page.click('#chart-coverage .chart-baseline-switch input');
  await waitFor(page, () => ![...document.querySelectorAll('#chart-coverage svg text')].some((t) => t.textContent.startsWith('Tanpa perubahan')),
    undefined, { message: 'the baseline hidden' });
  await page.click('#chart-coverage .chart-baseline-switch input');
  await shoot(page, '#chart-coverage', 'chart-coverage-1366');
  await shoot(page, '#chart-cost', 'chart-cost-1366');
  // A narrower window: the charts are drawn again for their new boxes.
  const wide = await page.evaluate(() => document.querySelector('#chart-cost svg').viewBox.baseVal.width);
  await page.setViewportSize({ width: 900, height: 768 });
  await waitFor(page, (w) => {
    const svg = document.querySelector('#chart-cost svg');
    return svg.viewBox.baseVal.width !== w && Math.abs(svg.getBoundingClientRect().width - svg.viewBox.baseVal.width) < 1.5;
  }, wide, { message: 'the chart redrawn for a narrower window' });
}

export async function testProjector({ page, screenshot }) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '/');
  await drawnForTheirBoxes(page);
  await page.click('#toggle-presentation');
  await waitFor(page, () => document.querySelector('.app.presentation'), undefined, { message: 'presentation mode' });
  await waitFor(page, () => [...document.querySelectorAll('.chart svg text')].every((t) => parseFloat(t.getAttribute('font-size')) >= 18),
    undefined, { message: 'charts redrawn for the projector' });
  await drawnForTheirBoxes(page);
  atLeast(await smallestText(page), 18, 'presentation');
  // The words around the main chart grow with it: the chance line, who pays, the summary.
  for (const selector of ['.chance-line', '#card-shares .shares', '.main-chart .chart-summary']) {
    const px = await page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize), selector);
    assert.ok(px >= 16.5, `${selector} has text of ${px} px in presentation mode`);
  }
  await shoot(page, '#chart-coverage', 'chart-coverage-1920-presentation');
  await screenshot('charts-1920-presentation');
}

export async function testPrint({ page }) {
  // A4's printable width (210 mm less the 10 mm margins of @page), at 96 CSS px per inch.
  await page.setViewportSize({ width: 718, height: 1000 });
  await openApp(page, '/');
  await drawnForTheirBoxes(page);
  await page.click('#print');
  await waitFor(page, () => document.querySelectorAll('.brief .brief-chart img').length === 3, undefined, { message: 'the prepared brief' });
  await page.emulateMedia({ media: 'print' });
  // The printed size of each chart's smallest text: its size in the SVG times the scale
  // the image is printed at; 7 pt is 9.33 CSS px.
  const printed = await page.evaluate(() => [...document.querySelectorAll('.brief-chart img')].map((img) => {
    const svg = decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1));
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)[1]);
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    const scale = img.getBoundingClientRect().width / width;
    const height = Number(/viewBox="0 0 \d+ (\d+)/.exec(svg)[1]);
    const shown = img.getBoundingClientRect();
    return { px: Math.min(...sizes) * Math.min(scale, shown.height / height), title: /<title>([^<]*)/.exec(svg)[1] };
  }));
  assert.equal(printed.length, 3);
  for (const c of printed) {
    assert.ok(c.px >= 9.33, `${c.title} prints text at ${(c.px * 0.75).toFixed(1)} pt`);
  }
  await shoot(page, '.brief', 'charts-print-brief');
}

export async function testEmbedPhone({ page }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?embed=1&preset=ambon&chart=coverage,cost&controls=budget', { waitUntil: 'load' });
  await drawnForTheirBoxes(page, 2);
  atLeast(await smallestText(page), 12, 'embed at 360 px');
  await shoot(page, '.embed-charts', 'embed-charts-360');
}
