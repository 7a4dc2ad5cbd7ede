// The end-to-end suite on @playwright/test, with Debian's Chromium (see e2e/suite.test.mjs).
//
//   PAYUNG_BASE_URL=http://127.0.0.1:PORT/ npx playwright test [name-filter]
//
// scripts/test.sh serves dist/ and sets the URL. Reports: target/e2e-report (HTML),
// traces and failure screenshots: target/e2e-results, named screenshots:
// target/e2e-artifacts (or $PAYUNG_ARTIFACTS).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // One adapter file registers every exported `test…` function of e2e/*.spec.mjs.
  testMatch: 'suite.test.mjs',
  fullyParallel: true,
  // Two cores here; override with PAYUNG_E2E_WORKERS.
  workers: Number(process.env.PAYUNG_E2E_WORKERS ?? 2),
  timeout: Number(process.env.PAYUNG_E2E_TEST_TIMEOUT_MS ?? 90_000),
  forbidOnly: true,
  retries: 0,
  outputDir: 'target/e2e-results',
  reporter: [['list'], ['html', { outputFolder: 'target/e2e-report', open: 'never' }]],
  use: {
    baseURL: process.env.PAYUNG_BASE_URL,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    // The offline tests open their own contexts that allow them.
    serviceWorkers: 'block',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PAYUNG_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
