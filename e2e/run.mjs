// End-to-end runner: drives Debian's Chromium with playwright-core against the built app.
//
//   PAYUNG_BASE_URL=http://127.0.0.1:PORT/ node e2e/run.mjs [name-filter ...]
//
// (scripts/test.sh serves dist/ and sets the URL.) It imports every e2e/*.spec.mjs and runs
// each exported async function named `test` or `test…` (e.g. `testChart`) in turn, each
// in a fresh browser context, with ctx = { page, context, baseURL, name, screenshot,
// allowConsoleError }. A test fails when it throws, and also when, during it:
//   - the page requests anything outside the served origin (data: and blob: URLs aside;
//     such requests are also aborted, so nothing leaves the machine),
//   - a same-origin response has status >= 400,
//   - the page logs a console error (CSP violations included) or throws an uncaught error.
// Screenshots go to target/e2e-artifacts/ (or $PAYUNG_ARTIFACTS); a failing test leaves
// <spec>--<test>--failure.png there. Exit status 1 when any test fails or none was found.
import { chromium } from 'playwright-core';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const artifacts = path.resolve(process.env.PAYUNG_ARTIFACTS ?? path.join(root, 'target', 'e2e-artifacts'));
const baseURL = process.env.PAYUNG_BASE_URL;
const TEST_TIMEOUT_MS = Number(process.env.PAYUNG_E2E_TEST_TIMEOUT_MS ?? 60_000);
const filters = process.argv.slice(2);

if (!baseURL) {
  console.error('PAYUNG_BASE_URL is not set (e.g. http://127.0.0.1:8000/); scripts/test.sh sets it.');
  process.exit(2);
}
const origin = new URL(baseURL).origin;

// Requests the page may make: the served origin, plus data: and blob: URLs.
function allowed(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  return u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:';
}

const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

// Collects every e2e/*.spec.mjs test, sorted by file then export order.
async function collect() {
  const files = (await readdir(here)).filter((f) => f.endsWith('.spec.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(here, file)).href);
    for (const [exportName, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function' || !/^test($|[A-Z_0-9])/.test(exportName)) continue;
      const name = `${file.replace(/\.spec\.mjs$/, '')} › ${exportName}`;
      if (filters.length && !filters.some((f) => name.includes(f))) continue;
      tests.push({ name, file, exportName, fn });
    }
  }
  return tests;
}

async function runOne(browser, t) {
  const problems = [];
  const allowedConsole = [];
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(15_000);
  // Abort anything that would leave the served origin; the 'request' listener records it.
  await context.route((url) => !allowed(url), (route) => route.abort('blockedbyclient'));
  context.on('request', (req) => {
    if (!allowed(req.url())) problems.push(`request outside ${origin}: ${req.method()} ${req.url()}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400 && allowed(res.url())) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (allowedConsole.some((re) => re.test(text))) return;
    const loc = msg.location();
    problems.push(`console error: ${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught page error: ${err.stack ?? err.message ?? err}`));
  page.on('crash', () => problems.push('page crashed'));

  const ctx = {
    page,
    context,
    /** The browser, for tests that need a second, fresh context (no shared storage). */
    browser,
    baseURL,
    name: t.name,
    artifacts,
    /** Saves a full-page screenshot as target/e2e-artifacts/<name>.png; returns its path. */
    async screenshot(name, p = page) {
      const file = path.join(artifacts, `${safe(name)}.png`);
      await p.screenshot({ path: file, fullPage: true });
      return file;
    },
    /** Lets console errors matching `re` pass (for a test that provokes one on purpose). */
    allowConsoleError(re) {
      allowedConsole.push(re);
    },
  };

  const t0 = Date.now();
  let error = null;
  let timer;
  try {
    await Promise.race([
      t.fn(ctx),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`test timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    error = err;
  } finally {
    clearTimeout(timer);
  }
  const failed = error !== null || problems.length > 0;
  if (failed) {
    const shot = path.join(artifacts, `${safe(t.file.replace(/\.spec\.mjs$/, ''))}--${safe(t.exportName)}--failure.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  }
  await context.close().catch(() => {});
  return { ms: Date.now() - t0, error, problems, failed };
}

async function main() {
  await mkdir(artifacts, { recursive: true });
  const tests = await collect();
  if (tests.length === 0) {
    console.error(`no tests found in ${here}/*.spec.mjs${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
    process.exit(1);
  }

  const browser = await chromium.launch({
    executablePath: process.env.PAYUNG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  console.log(`e2e: ${tests.length} test(s) against ${baseURL} (Chromium ${browser.version()})`);
  let passed = 0;
  let failed = 0;
  try {
    for (const t of tests) {
      const r = await runOne(browser, t);
      if (r.failed) {
        failed += 1;
        console.log(`FAIL ${t.name} (${r.ms} ms)`);
        if (r.error) console.log(`  ${String(r.error?.stack ?? r.error).replace(/\n/g, '\n  ')}`);
        for (const p of r.problems) console.log(`  - ${p}`);
      } else {
        passed += 1;
        console.log(`ok   ${t.name} (${r.ms} ms)`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
