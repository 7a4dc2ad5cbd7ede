import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
for (const [w, h, name] of [[1366, 768, 'laptop'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => { if (m.type() !== 'log') console.log('console', m.type(), m.text()); });
  await page.goto(process.env.URL);
  await page.waitForFunction(() => /simulasi/.test(document.querySelector('#chart-cost, .chart-cost, .charts')?.textContent ?? ''), null, { timeout: 30000 }).catch(() => console.log('no band sentence'));
  const cost = page.locator('.charts .chart-with-downloads').first();
  await cost.scrollIntoViewIfNeeded();
  await cost.screenshot({ path: `/tmp/cost-${name}.png` });
  console.log(name, (await cost.innerText()).slice(0, 300).replace(/\n/g, ' | '));
  await page.close();
}
await browser.close();
