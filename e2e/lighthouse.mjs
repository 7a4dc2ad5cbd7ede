// Lighthouse as a gate (issues 11 and 14): the built app, served compressed on 127.0.0.1
// (e2e/static-server.mjs), audited with Lighthouse's mobile defaults (simulated slow 4G and
// a CPU slowdown) in Debian's Chromium.
//
//   node e2e/lighthouse.mjs [DIR=dist]
//
// Each page is audited PAYUNG_LH_RUNS times (default 5, as Lighthouse CI advises) and judged
// on its median run by performance, as Lighthouse CI does: a single run's total blocking time
// moves by a few hundred milliseconds with whatever else the machine is doing. Fails (exit 1) when any run's
// accessibility is below 0.95 or best practices below 1.0, or when the median performance
// is below the page's regression floor: 0.8 for the app's first screen
// (PAYUNG_LH_MIN_PERFORMANCE) and 0.75 for the English embed
// (PAYUNG_LH_MIN_EMBED_PERFORMANCE), whose first answer waits for its whole bundle and the
// engine's on slow 4G. The floors are not the aim (0.9, issue 11): performance is a timing,
// and on a slow hour of the build machines the first screen's median is 0.85-0.86 and the
// embed's 0.84 (README "Speed and size"), so a floor at the aim failed builds that had not
// regressed. The floors catch a real regression (the app before issue 11 scored 0.54-0.76),
// and every run's score is printed to compare with the aim. The median run's reports go to
// target/lighthouse/.
//
// The CPU slowdown is calibrated to the host, as Lighthouse's own documentation says to do
// (docs/throttling.md, "Calibrating the CPU slowdown"): its default 4× turns a host in its
// "high-end desktop" bracket (benchmarkIndex 1500-2000) into the mid-tier phone the score is
// about, so on a slower host the same 4× emulates a slower phone. Each run is gathered once
// (with simulated throttling the page loads unthrottled, so the slowdown only enters the
// simulation) and audited twice: at the default 4×, printed for comparison, and at
// 4 × index / 1750 for this run's host benchmarkIndex, never above 4× (so a fast host is
// judged exactly as by default) nor below 1×, which is the score the gate reads.
// PAYUNG_LH_SLOWDOWN=4 judges at a fixed slowdown instead; PAYUNG_LH_PAGES=default audits only
// the named pages. Each run also prints the element Lighthouse took for the largest
// contentful paint (the preview's chance line, or the app's own when the app replaced the
// preview before any frame showed it: README "Speed and size"), and
// PAYUNG_LH_KEEP=1 keeps each run's gathered trace and report (its folder is printed) to
// read which tasks blocked and when the first frame was painted.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const out = path.resolve(process.env.PAYUNG_LH_OUT ?? 'target/lighthouse');
const runs = Math.max(1, Number(process.env.PAYUNG_LH_RUNS ?? 5));
const minimum = {
  accessibility: 0.95,
  'best-practices': 1.0,
};

const pages = [
  { name: 'default', path: '/', performance: Number(process.env.PAYUNG_LH_MIN_PERFORMANCE ?? 0.8) },
  {
    name: 'english-embed',
    path: '/?embed=1&lang=en',
    performance: Number(process.env.PAYUNG_LH_MIN_EMBED_PERFORMANCE ?? 0.75),
  },
];
// PAYUNG_LH_PAGES=default (names, comma-separated) audits only those pages.
const only = process.env.PAYUNG_LH_PAGES?.split(',');
const audited = pages.filter((p) => !only || only.includes(p.name));
const categories = ['performance', ...Object.keys(minimum)];

await mkdir(out, { recursive: true });
const server = await serve(dir);
// Every file compressed once before the audits, as a host serving precompressed files would,
// so that no run waits while the server compresses (the first would otherwise differ).
for (const file of await readdir(dir, { recursive: true })) {
  await fetch(new URL(file, server.url), { headers: { 'accept-encoding': 'br' } })
    .then((r) => r.arrayBuffer())
    .catch(() => {});
}
/** Lighthouse's default CPU slowdown, and the middle of the host bracket it is meant for. */
const DEFAULT_SLOWDOWN = 4;
const REFERENCE_INDEX = 1750;

/** The CPU slowdown that makes a host of this benchmarkIndex the phone Lighthouse means. */
function calibrated(index) {
  const fixed = Number(process.env.PAYUNG_LH_SLOWDOWN);
  if (fixed > 0) return fixed;
  const slowdown = (DEFAULT_SLOWDOWN * index) / REFERENCE_INDEX;
  return Math.round(Math.min(DEFAULT_SLOWDOWN, Math.max(1, slowdown)) * 100) / 100;
}

const flags = (port) => ({ port, output: ['json', 'html'], logLevel: 'error', onlyCategories: categories });

/** Audits the artifacts gathered in `dir` at CPU slowdown `slowdown`. */
async function auditAt(dir, slowdown) {
  const file = path.join(dir, 'artifacts.json');
  const artifacts = JSON.parse(await readFile(file, 'utf8'));
  // Lighthouse refuses to audit with other settings than it gathered with; with simulated
  // throttling the gathering itself did not depend on the slowdown.
  artifacts.settings.throttling.cpuSlowdownMultiplier = slowdown;
  await writeFile(file, JSON.stringify(artifacts));
  return lighthouse(undefined, {
    ...flags(undefined),
    auditMode: dir,
    throttling: { ...artifacts.settings.throttling },
  });
}

/** One run on `url` in a browser of its own (a fresh profile is a first visit: Lighthouse
 * resets caches between runs but leaves localStorage, where the app remembers the work):
 * the page gathered once, then audited at the default and the calibrated slowdown. */
async function audit(url) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'payung-lh-'));
  try {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.PAYUNG_CHROMIUM ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      await lighthouse(url, { ...flags(chrome.port), gatherMode: dir });
    } finally {
      await chrome.kill();
    }
    const index = JSON.parse(await readFile(path.join(dir, 'artifacts.json'), 'utf8')).BenchmarkIndex ?? 0;
    const slowdown = calibrated(index);
    const byDefault = await auditAt(dir, DEFAULT_SLOWDOWN);
    const result = slowdown === DEFAULT_SLOWDOWN ? byDefault : await auditAt(dir, slowdown);
    return { result, byDefault, index, slowdown, kept: process.env.PAYUNG_LH_KEEP ? dir : null };
  } finally {
    if (!process.env.PAYUNG_LH_KEEP) await rm(dir, { recursive: true, force: true });
  }
}
/** The element Lighthouse took for the largest contentful paint: its selector and the start
 * of its markup. */
function lcpElement(lhr) {
  const found = [];
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    if (v.type === 'node') found.push(v);
    Object.values(v).forEach(walk);
  };
  walk(lhr.audits['largest-contentful-paint-element']?.details);
  const node = found[0];
  return node ? `${node.selector ?? '?'} ${(node.snippet ?? '').slice(0, 120)}` : '–';
}
let failed = false;
/** Prints the audits that cost category `c` points. */
function failures(lhr, c) {
  for (const a of lhr.categories[c].auditRefs) {
    const r = lhr.audits[a.id];
    if (a.weight > 0 && r.score !== null && r.score < 1) console.log(`    - ${r.id}: ${r.title} (${r.displayValue ?? r.score})`);
  }
}
try {
  for (const p of audited) {
    const url = new URL(p.path, server.url).href;
    const results = [];
    for (let i = 0; i < runs; i += 1) {
      const { result, byDefault, index, slowdown, kept } = await audit(url);
      const lhr = result.lhr;
      const shown = (id) => lhr.audits[id]?.displayValue ?? '–';
      const line = categories.map((c) => `${c} ${lhr.categories[c].score?.toFixed(2)}`).join(', ');
      console.log(`lighthouse ${p.name} run ${i + 1}/${runs}: ${line}; LCP ${shown('largest-contentful-paint')}, `
        + `TBT ${shown('total-blocking-time')}, CLS ${shown('cumulative-layout-shift')}, SI ${shown('speed-index')}; `
        + `CPU slowdown ${slowdown}× for host benchmarkIndex ${Math.round(index)}`
        + (byDefault === result ? '' : ` (at the default ${DEFAULT_SLOWDOWN}×: performance `
          + `${byDefault.lhr.categories.performance.score?.toFixed(2)}, TBT `
          + `${byDefault.lhr.audits['total-blocking-time']?.displayValue ?? '–'})`));
      console.log(`  LCP element: ${lcpElement(lhr)}`);
      if (kept) console.log(`  trace and report kept in ${kept}`);
      for (const [c, min] of Object.entries(minimum)) {
        const score = lhr.categories[c].score ?? 0;
        if (score < min) {
          failed = true;
          console.log(`  FAIL ${c} ${score.toFixed(2)} < ${min}`);
          failures(lhr, c);
        }
      }
      results.push(result);
    }
    const score = (r) => r.lhr.categories.performance.score ?? 0;
    results.sort((a, b) => score(a) - score(b));
    const median = results[Math.floor(results.length / 2)];
    const [json, html] = median.report;
    await writeFile(path.join(out, `${p.name}.json`), json);
    await writeFile(path.join(out, `${p.name}.html`), html);
    console.log(`lighthouse ${p.name}: median performance ${score(median).toFixed(2)} `
      + `(runs ${results.map((r) => score(r).toFixed(2)).join(', ')}; floor ${p.performance})`);
    if (score(median) < p.performance) {
      failed = true;
      console.log(`  FAIL performance ${score(median).toFixed(2)} < ${p.performance}`);
      failures(median.lhr, 'performance');
    }
  }
} finally {
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
