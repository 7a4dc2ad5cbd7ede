import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(process.env.URL);
await page.waitForFunction(() => document.querySelectorAll('.chart svg').length === 3, null, { timeout: 60000 });
await page.waitForTimeout(3000);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = profile.timeDeltas;
const incl = new Map(), self = new Map();
profile.samples.forEach((id, i) => {
  const n = byId.get(id); const nm = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '?';
  self.set(nm, (self.get(nm) ?? 0) + (dt[i] ?? 0));
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const name = byId.get(cur).callFrame.functionName;
    if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0)); }
  }
});
console.log('--- self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((v / 1000).toFixed(0), k.slice(0, 140));
console.log('--- inclusive');
for (const [k, v] of [...incl].filter(([k]) => /payung|serde|toml|csv|plotters|Renderer|start|run_scheduler/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log((v / 1000).toFixed(0), k.slice(0, 150));
await browser.close();
