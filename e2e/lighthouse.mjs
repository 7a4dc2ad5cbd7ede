// Lighthouse as a gate (issue 14): the built app, served compressed on 127.0.0.1
// (e2e/static-server.mjs), audited with Lighthouse's mobile defaults (simulated slow 4G and
// 4× CPU slowdown) in Debian's Chromium.
//
//   node e2e/lighthouse.mjs [DIR=dist]
//
// Fails (exit 1) when accessibility < 0.95 or best practices < 1.0, or when performance is
// below PAYUNG_LH_MIN_PERFORMANCE (default 0.9). Reports go to target/lighthouse/.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const out = path.resolve(process.env.PAYUNG_LH_OUT ?? 'target/lighthouse');
const minimum = {
  performance: Number(process.env.PAYUNG_LH_MIN_PERFORMANCE ?? 0.9),
  accessibility: 0.95,
  'best-practices': 1.0,
};

const pages = [
  { name: 'default', path: '/' },
  { name: 'english-embed', path: '/?embed=1&lang=en' },
];

await mkdir(out, { recursive: true });
const server = await serve(dir);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.PAYUNG_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  for (const p of pages) {
    const url = new URL(p.path, server.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: Object.keys(minimum),
    });
    const [json, html] = result.report;
    await writeFile(path.join(out, `${p.name}.json`), json);
    await writeFile(path.join(out, `${p.name}.html`), html);
    const lhr = result.lhr;
    const audit = (id) => lhr.audits[id]?.displayValue ?? '–';
    const line = Object.keys(minimum).map((c) => `${c} ${lhr.categories[c].score?.toFixed(2)}`).join(', ');
    console.log(`lighthouse ${p.name}: ${line}; LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}`);
    for (const [c, min] of Object.entries(minimum)) {
      const score = lhr.categories[c].score ?? 0;
      if (score < min) {
        failed = true;
        console.log(`  FAIL ${c} ${score.toFixed(2)} < ${min}`);
        for (const a of lhr.categories[c].auditRefs) {
          const r = lhr.audits[a.id];
          if (a.weight > 0 && r.score !== null && r.score < 1) console.log(`    - ${r.id}: ${r.title} (${r.displayValue ?? r.score})`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
