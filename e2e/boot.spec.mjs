// The loading screen: static HTML in index.html, in the browser's language, with the wasm
// download's progress, and a plain message where WebAssembly cannot run.
import path from 'node:path';
import { assert, openApp, waitFor, waitForPanels, expectVisible, textOf } from './lib.mjs';

/**
 * Opens the app in a browser of `locale` on a slow line (about 4 Mbit/s, so the download
 * takes a few seconds) and returns the loading screen's text and language the first time it
 * shows partial progress, after saving a screenshot as `shot`.
 */
async function partialProgress({ browser, baseURL, artifacts }, locale, shot) {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 500_000, uploadThroughput: 500_000 });
    // Every change of the progress bar is recorded as it happens (a frame-by-frame poll can
    // miss a short download on a busy machine): the first that shows partial progress.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const p = document.querySelector('#boot-progress');
        if (!window.__partial && p && p.max > 1 && p.value > 0 && p.value < p.max) {
          window.__partial = { text: document.querySelector('#boot-loading').innerText, lang: document.documentElement.lang };
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'max', 'lang'] });
    });
    await page.goto('/', { waitUntil: 'commit' });
    const seen = await waitFor(page, () => window.__partial ?? false, undefined,
      { timeout: 20_000, message: 'the loading screen to show partial progress' });
    await page.screenshot({ path: path.join(artifacts, shot) });
    await waitFor(page, () => document.querySelector('.app') && !document.querySelector('#boot'), undefined,
      { timeout: 30_000, message: 'the app to replace the loading screen' });
    return seen;
  } finally {
    await context.close();
  }
}

export async function testLoadingScreenShowsProgressInTheBrowsersLanguage(fixtures) {
  const seen = await partialProgress(fixtures, 'en-US', 'loading-screen-en.png');
  assert.equal(seen.lang, 'en');
  assert.match(seen.text, /Loading the simulator/);
  assert.match(seen.text, /\b\d+\.\d MB of \d+\.\d MB/);
  assert.doesNotMatch(seen.text, /Memuat/);
}

// Indonesian writes a decimal comma: "0,4 MB dari 1,1 MB", never "0.4" (a thousands point).
export async function testLoadingScreenShowsProgressInIndonesian(fixtures) {
  const seen = await partialProgress(fixtures, 'id-ID', 'loading-screen-id.png');
  assert.equal(seen.lang, 'id');
  assert.match(seen.text, /Memuat/);
  assert.match(seen.text, /\b\d+,\d MB dari \d+,\d MB/);
  assert.doesNotMatch(seen.text, /\d\.\d MB|Loading the simulator/);
}

export async function testNoWebAssemblySaysSo({ page, artifacts }) {
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto('/');
  await expectVisible(page, '#boot-failed');
  const text = await textOf(page, '#boot');
  assert.match(text, /tidak dapat berjalan di peramban ini/);
  assert.doesNotMatch(text, /cannot run/);
  assert.equal(await page.evaluate(() => document.querySelector('#boot-loading').hidden), true);
  await page.screenshot({ path: path.join(artifacts, 'no-webassembly-id.png') });
}

export async function testAWasmThatWillNotInstantiateSaysSo({ page, context }) {
  await context.route(/\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
  await page.goto('/');
  await expectVisible(page, '#boot-failed');
  assert.match(await textOf(page, '#boot'), /WebAssembly/);
}

export async function testTheAppRemovesTheLoadingScreen({ page }) {
  await openApp(page, '/');
  await waitFor(page, () => !document.querySelector('#boot'), undefined, { message: 'no loading screen once the app runs' });
}

// The first screen drawn ahead (scripts/preview-build.mjs, web/boot.js): on a first visit it
// shows while the wasm is still on its way, inert and hidden from assistive technology, with
// no id of its own; it is the app's own default answer; a link or a saved scenario skips it.
export async function testAFirstVisitShowsTheAnswerDrawnAhead({ browser, baseURL, artifacts }) {
  for (const [width, height, name] of [[412, 823, 'phone'], [1366, 768, 'laptop']]) {
    const hung = await browser.newContext({ baseURL, viewport: { width, height } });
    let ahead;
    try {
      await hung.route(/\.wasm$/, () => {}); // never answered: the app cannot start
      const page = await hung.newPage();
      await page.goto('/');
      await page.waitForSelector('.boot-preview .app-preview .chart svg', { state: 'attached' });
      const facts = await page.evaluate(() => {
        const holder = document.querySelector('.boot-preview');
        return {
          inert: holder.inert,
          hidden: holder.getAttribute('aria-hidden'),
          ids: holder.querySelectorAll('[id], [for], [name]').length,
          apps: document.querySelectorAll('.app').length,
          cards: holder.querySelector('.cards').innerText,
          title: holder.querySelector('.region-title').innerText,
        };
      });
      assert.equal(facts.inert, true, 'the preview takes no input');
      assert.equal(facts.hidden, 'true');
      assert.equal(facts.ids, 0, 'the preview repeats none of the app ids, labels or names');
      assert.equal(facts.apps, 0, 'the preview is not taken for the app');
      assert.match(facts.title, /Kota Ambon/);
      ahead = facts.cards;
      await page.screenshot({ path: path.join(artifacts, `preview-${name}.png`) });
    } finally {
      await hung.close();
    }
    const context = await browser.newContext({ baseURL, viewport: { width, height } });
    try {
      const page = await context.newPage();
      await openApp(page, '/');
      await waitFor(page, () => !document.querySelector('#boot, .boot-preview'), undefined, { message: 'the app to replace the preview' });
      assert.equal(await page.evaluate(() => document.querySelector('.app .cards').innerText), ahead,
        `the ${name} preview shows the app's own first answer`);
    } finally {
      await context.close();
    }
  }
}

export async function testALinkOrASavedScenarioSkipsThePreview({ browser, baseURL }) {
  for (const [address, storage] of [['/#national=', null], ['/?lang=en', null], ['/', ['payung.current', '{}']], ['/', ['payung.lang', '"en"']]]) {
    const context = await browser.newContext({ baseURL });
    try {
      await context.route(/\.wasm$/, () => {});
      if (storage) await context.addInitScript(([k, v]) => localStorage.setItem(k, v), storage);
      const page = await context.newPage();
      await page.goto(address); // resolves on `load`, after boot.js has decided
      assert.notEqual(await page.evaluate(() => document.readyState), 'loading');
      assert.equal(await page.evaluate(() => document.querySelectorAll('.boot-preview').length), 0,
        `no preview for ${address} ${storage ? storage[0] : ''}`);
    } finally {
      await context.close();
    }
  }
}

// The panels below the first screen come in a wasm chunk of their own (a split release
// build: ui::components::lazy): the main wasm arrives first, and once the first screen is
// up the chunk is fetched without waiting for a panel, so none waits for the network
// later. On a phone nothing below the first screen is built at load, yet the chunk comes.
export async function testThePanelsBelowTheFirstScreenComeInAChunkAfterIt({ browser, baseURL }) {
  const context = await browser.newContext({ baseURL, viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    await openApp(page, '/');
    const panels = ['split_panels.wasm'];
    await waitForPanels(page);
    const main = fetched.findIndex((f) => /^payung-web-[0-9a-f]+_bg\.wasm$/.test(f));
    assert.ok(main >= 0, `the main wasm was fetched: ${fetched.join(' ')}`);
    for (const chunk of panels) {
      const at = fetched.indexOf(chunk);
      assert.ok(at > main, `${chunk} fetched after the main wasm: ${fetched.join(' ')}`);
    }
    // Nothing below the first screen was built, so the chunks came ahead of their panels.
    assert.equal(await page.locator('#national').count(), 0, 'the national panel is not built at load on a phone');
    // Scrolled to, a panel is drawn from its chunk and works.
    await waitFor(page, () => {
      if (document.querySelector('#national')) return true;
      window.scrollBy(0, 400);
      return false;
    }, undefined, { message: 'the national panel to be built as the page is scrolled' });
    await expectVisible(page, '#national');
    await page.locator('#national > summary').click();
    await expectVisible(page, '#national-summary');
    assert.match(await textOf(page, '#national-summary'), /\d/);
  } finally {
    await context.close();
  }
}
