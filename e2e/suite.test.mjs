// Registers every exported async function named `test` or `test…` in e2e/*.spec.mjs as a
// @playwright/test test named "<spec> › <export>" (with three times the time limit when the
// spec lists it in `export const slow = [...]`), called with
// ctx = { page, context, browser, baseURL, name, artifacts, screenshot, allowConsoleError }.
//
// Besides throwing, a test fails when, during it:
//   - the page requests anything outside the served origin (data: and blob: URLs aside;
//     such requests are also aborted, so nothing leaves the machine),
//   - a same-origin response has status >= 400,
//   - the page logs a console error (CSP violations included) or throws an uncaught error.
// Named screenshots go to target/e2e-artifacts/ (or $PAYUNG_ARTIFACTS) and are attached to
// the report; Playwright keeps a trace and a screenshot of every failure.
import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const artifacts = path.resolve(process.env.PAYUNG_ARTIFACTS ?? path.join(root, 'target', 'e2e-artifacts'));
mkdirSync(artifacts, { recursive: true });

const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

// Requests the page may make: the served origin, plus data: and blob: URLs.
function allowedFor(origin) {
  return (url) => {
    const u = typeof url === 'string' ? new URL(url) : url;
    return u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:';
  };
}

const specs = readdirSync(here).filter((f) => f.endsWith('.spec.mjs')).sort();
for (const file of specs) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  const spec = file.replace(/\.spec\.mjs$/, '');
  for (const [exportName, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function' || !/^test($|[A-Z_0-9])/.test(exportName)) continue;
    test(`${spec} › ${exportName}`, async ({ page, context, browser, baseURL }, testInfo) => {
      if (mod.slow?.includes(exportName)) test.slow();
      expect(baseURL, 'PAYUNG_BASE_URL is not set (scripts/test.sh sets it)').toBeTruthy();
      const origin = new URL(baseURL).origin;
      const allowed = allowedFor(origin);
      const problems = [];
      const allowedConsole = [];
      await context.route((url) => !allowed(url), (route) => route.abort('blockedbyclient'));
      context.on('request', (req) => {
        if (!allowed(req.url())) problems.push(`request outside ${origin}: ${req.method()} ${req.url()}`);
      });
      context.on('response', (res) => {
        if (res.status() >= 400 && allowed(res.url())) problems.push(`HTTP ${res.status()} for ${res.url()}`);
      });
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
        name: testInfo.title,
        artifacts,
        /** Saves a full-page screenshot as <artifacts>/<name>.png; returns its path. */
        async screenshot(name, p = page) {
          const file = path.join(artifacts, `${safe(name)}.png`);
          await p.screenshot({ path: file, fullPage: true });
          await testInfo.attach(name, { path: file, contentType: 'image/png' });
          return file;
        },
        /** Lets console errors matching `re` pass (for a test that provokes one on purpose). */
        allowConsoleError(re) {
          allowedConsole.push(re);
        },
      };
      await fn(ctx);
      expect(problems, 'requests, responses, console errors and page errors during the test').toEqual([]);
    });
  }
}
