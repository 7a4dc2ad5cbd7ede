import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
const cdp = await page.context().newCDPSession(page);
await page.goto(process.env.URL);
await page.waitForFunction(() => document.querySelectorAll('.chart svg').length === 3);
await page.waitForTimeout(1500);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const mode = process.env.MODE ?? 'fresh';
await page.evaluate(async (mode) => {
  const slider = document.querySelector('#f-source-0-yearly');
  const card = document.querySelector('#card-coverage');
  const max = Number(slider.max);
  const painted = () => new Promise((r) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); }));
  for (let i = 0; i < 40; i++) {
    const before = card.innerText;
    slider.value = String(Math.round(max * (0.15 + 0.7 * ((i * 37) % 100) / 100)));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
    if (mode === 'fresh') while (card.innerText === before) await painted();
  }
}, mode);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
// Inclusive time for payung functions: walk parents.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const name = byId.get(cur).callFrame.functionName;
    if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0)); }
  }
});
console.log('--- self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1), k.slice(0, 150));
console.log('--- inclusive (payung)');
for (const [k, v] of [...incl].filter(([k]) => /payung|yew|plotters|serde_json/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 1000).toFixed(1), k.slice(0, 160));
await browser.close();
