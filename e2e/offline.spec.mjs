// Offline use (issue 14): after one visit the app opens and works with no network, share
// links included; a newer build is offered ("Versi baru tersedia") without reloading the
// open page, and saved scenarios survive the update.
//
// Each test serves its own copy of the build (e2e/static-server.mjs) so it can stop the
// server (no network at all) or put a newer build in place, in a browser context that allows
// service workers (the runner's contexts block them). The runner's guarantees are kept by
// `guard`: no request outside the served origin, no console error, no uncaught error.
import path from 'node:path';
import { rm, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assert, openApp, textOf, waitFor, waitForText, expectVisible } from './lib.mjs';
import { copyBuild, serve } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.PAYUNG_DIST ?? path.join(root, 'dist'));

/** A context allowing service workers, with the runner's checks; `problems` collects failures. */
async function offlineContext(browser, url) {
  const context = await browser.newContext({
    baseURL: url,
    serviceWorkers: 'allow',
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const origin = new URL(url).origin;
  const problems = [];
  const foreign = (u) => {
    const p = new URL(u);
    return p.origin !== origin && p.protocol !== 'data:' && p.protocol !== 'blob:';
  };
  await context.route((u) => foreign(u.href ?? u), (route) => route.abort('blockedbyclient'));
  context.on('request', (req) => {
    if (foreign(req.url())) problems.push(`request outside ${origin}: ${req.url()}`);
  });
  const page = await context.newPage();
  const watch = (p) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    p.on('pageerror', (err) => problems.push(`uncaught page error: ${err.message}`));
  };
  watch(page);
  context.on('page', watch);
  return { context, page, problems };
}

/** Waits until the service worker is active, i.e. the whole build is in its cache. */
async function offlineReady(page) {
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  assert.ok(state === 'activating' || state === 'activated', `service worker state ${state}`);
}

async function cards(page) {
  await waitForText(page, '%', { selector: '#card-coverage' });
  return textOf(page, '.cards');
}

// A first load here downloads the app, its engine's thread and the service worker's copy of
// every file at once, from a fresh server on a machine running two browsers: allow longer
// than the suite's usual 10 s for a page to load.
const LOAD_MS = 30_000;

export async function testOffline({ browser, screenshot }) {
  const dir = await copyBuild(DIST);
  const server = await serve(dir);
  const { context, page, problems } = await offlineContext(browser, server.url);
  try {
    await openApp(page, '/', { timeout: LOAD_MS });
    const before = await cards(page);
    const link = await page.inputValue('#share-link');
    await offlineReady(page);

    // The network goes away: the server is stopped, nothing answers on its port.
    await server.stop();
    const asked = server.requests.length;
    await page.reload();
    await openApp(page, page.url(), { timeout: LOAD_MS });
    assert.equal(await cards(page), before, 'the same figures offline');

    // The app works: a new budget changes the cards.
    await page.fill('#f-source-0-yearly-text', '6.000.000.000');
    await page.press('#f-source-0-yearly-text', 'Tab');
    await waitFor(page, (b) => document.querySelector('.cards')?.innerText !== b, before,
      { message: 'the cards to follow the new budget offline' });
    await screenshot('offline-edited', page);

    // A share link opens offline too, with its own numbers.
    const other = await context.newPage();
    await other.goto(link, { timeout: LOAD_MS });
    await openApp(other, link, { timeout: LOAD_MS });
    assert.equal(await cards(other), before, 'the link opens offline with the same figures');
    assert.equal(server.requests.length, asked, 'nothing reached the stopped server');
  } finally {
    await context.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
}

export async function testUpdateOffered({ browser, screenshot }) {
  const dir = await copyBuild(DIST);
  const server = await serve(dir);
  const { context, page, problems } = await offlineContext(browser, server.url);
  try {
    await openApp(page, '/', { timeout: LOAD_MS });
    await offlineReady(page);
    await page.fill('#saved-name', 'Opsi sebelum pembaruan');
    await page.click('#saved-save');
    await waitForText(page, 'Opsi sebelum pembaruan', { selector: '.saved-list' });
    const oldCaches = await page.evaluate(() => caches.keys());

    // A newer build is deployed: another service worker version and another page.
    const sw = path.join(dir, 'sw.js');
    const text = await readFile(sw, 'utf8');
    const next = text.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-next"');
    assert.notEqual(next, text, 'sw.js carries its build version');
    await writeFile(sw, next);
    await writeFile(path.join(dir, 'index.html'), (await readFile(path.join(dir, 'index.html'), 'utf8')) + '\n<!-- next build -->\n');

    // The next visit finds it and offers it, without reloading the open page.
    await page.reload();
    await openApp(page, page.url(), { timeout: LOAD_MS });
    await page.evaluate(() => { window.payungSessionMarker = 'still open'; });
    await expectVisible(page, '#update-banner', { timeout: 20_000 });
    await waitForText(page, 'Versi baru tersedia', { selector: '#update-banner' });
    assert.equal(await page.evaluate(() => window.payungSessionMarker), 'still open', 'the open page was not reloaded');
    await screenshot('update-offered', page);

    // Accepting reloads into the new build; the saved scenario is still there.
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await openApp(page, page.url(), { timeout: LOAD_MS });
    const newCaches = await page.evaluate(() => caches.keys());
    assert.ok(newCaches.some((k) => k.endsWith('-next')), `new cache in use: ${newCaches}`);
    assert.ok(!newCaches.some((k) => oldCaches.includes(k)), `old cache removed: ${newCaches}`);
    await waitForText(page, 'Opsi sebelum pembaruan', { selector: '.saved-list' });
    assert.equal(await page.locator('#update-banner').count(), 0, 'no offer once updated');
  } finally {
    await context.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
}
