// Helpers for the end-to-end specs (e2e/*.spec.mjs). Every helper waits on a condition
// in the page, up to a timeout; none sleeps for a fixed time.
import assert from 'node:assert/strict';

export { assert };

/** Default time a helper waits for its condition, in ms. */
export const TIMEOUT = 10_000;

// A RegExp cannot cross into the page; send it as {source, flags}.
const pattern = (p) =>
  p instanceof RegExp ? { source: p.source, flags: p.flags } : { text: String(p) };

const describe = (p) => (p instanceof RegExp ? String(p) : JSON.stringify(p));

/**
 * Waits until `fn(arg)`, evaluated in the page, is truthy; returns its value.
 * `message` names the condition in the error thrown on timeout.
 */
export async function waitFor(page, fn, arg, { timeout = TIMEOUT, message } = {}) {
  try {
    // Checked on a 25 ms timer, not on animation frames: a headless renderer under load may
    // paint no frame for seconds while the page is already idle (a CI run once timed out so).
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 25 });
    return await handle.jsonValue();
  } catch (err) {
    if (err?.name === 'TimeoutError') {
      throw new Error(`timed out after ${timeout} ms waiting for ${message ?? String(fn)}`);
    }
    throw err;
  }
}

/** Waits until an element matching `selector` exists (and is visible unless `state` says otherwise). */
export async function waitForSelector(page, selector, { timeout = TIMEOUT, state = 'visible' } = {}) {
  try {
    return await page.waitForSelector(selector, { timeout, state });
  } catch (err) {
    if (err?.name === 'TimeoutError') {
      throw new Error(`timed out after ${timeout} ms waiting for ${selector} to be ${state}`);
    }
    throw err;
  }
}

/**
 * Waits until the text of the first element matching `selector` (default: body) contains
 * `expected` (string) or matches it (RegExp). Returns that text.
 */
export async function waitForText(page, expected, { selector = 'body', timeout = TIMEOUT } = {}) {
  return waitFor(
    page,
    ({ selector, p }) => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const text = el.innerText ?? el.textContent ?? '';
      const ok = p.source !== undefined ? new RegExp(p.source, p.flags).test(text) : text.includes(p.text);
      return ok ? text : false;
    },
    { selector, p: pattern(expected) },
    { timeout, message: `${selector} to contain ${describe(expected)}` },
  );
}

/** Current text of the first element matching `selector`, or null when there is none. */
export async function textOf(page, selector) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    return el ? (el.innerText ?? el.textContent ?? '') : null;
  }, selector);
}

/**
 * Asserts that the text of `selector` becomes `expected`: equal to a string (after trimming
 * and collapsing whitespace) or matching a RegExp. Fails with the last text seen.
 */
export async function expectText(page, selector, expected, { timeout = TIMEOUT } = {}) {
  try {
    return await waitFor(
      page,
      ({ selector, p }) => {
        const el = document.querySelector(selector);
        if (!el) return false;
        const text = (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const ok = p.source !== undefined ? new RegExp(p.source, p.flags).test(text) : text === p.text;
        return ok ? text : false;
      },
      { selector, p: pattern(expected) },
      { timeout },
    );
  } catch {
    const actual = await textOf(page, selector);
    throw new assert.AssertionError({
      message: `expected text of ${selector} to be ${describe(expected)}, got ${JSON.stringify(actual)}`,
      actual,
      expected,
      operator: 'expectText',
    });
  }
}

/** Asserts that exactly `count` elements match `selector`, waiting for it to become so. */
export async function expectCount(page, selector, count, { timeout = TIMEOUT } = {}) {
  try {
    await waitFor(page, ({ selector, count }) => document.querySelectorAll(selector).length === count,
      { selector, count }, { timeout });
  } catch {
    const actual = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
    throw new assert.AssertionError({
      message: `expected ${count} × ${selector}, found ${actual}`, actual, expected: count, operator: 'expectCount',
    });
  }
}

/** Asserts that `selector` becomes visible. */
export async function expectVisible(page, selector, opts) {
  await waitForSelector(page, selector, { ...opts, state: 'visible' });
}

/** Asserts that `selector` becomes hidden or absent. */
export async function expectHidden(page, selector, opts) {
  await waitForSelector(page, selector, { ...opts, state: 'hidden' });
}

/** Asserts that the page's document title becomes `expected` (string or RegExp). */
export async function expectTitle(page, expected, { timeout = TIMEOUT } = {}) {
  try {
    await waitFor(page, (p) => (p.source !== undefined ? new RegExp(p.source, p.flags).test(document.title) : document.title === p.text),
      pattern(expected), { timeout });
  } catch {
    const actual = await page.title();
    throw new assert.AssertionError({
      message: `expected title ${describe(expected)}, got ${JSON.stringify(actual)}`, actual, expected, operator: 'expectTitle',
    });
  }
}

/** Opens `path` (relative to the served base URL) and waits until the app has rendered its <main>. */
/**
 * On a phone (narrow, touch), sections are built as the user scrolls near them
 * (ui::components::deferred): scrolls to each displayed section not built yet, as a reader
 * would, waiting each time until it is built, then back to the top. Elsewhere there is none.
 */
export async function scrollThrough(page) {
  const waiting = () => page.evaluate(() => [...document.querySelectorAll('.deferred-slot')]
    .filter((s) => s.offsetParent !== null).length);
  for (let left = await waiting(); left > 0; left = await waiting()) {
    await page.evaluate(() => [...document.querySelectorAll('.deferred-slot')]
      .find((s) => s.offsetParent !== null)?.scrollIntoView());
    await waitFor(page, (n) => [...document.querySelectorAll('.deferred-slot')]
      .filter((s) => s.offsetParent !== null).length < n, left, { message: 'the next section built' });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Waits until the app has fetched the chunks of its panels below the first screen (in a
 * split build; ui::components::lazy), which it marks on <html data-panels="loaded">.
 */
export async function waitForPanels(page, { timeout = TIMEOUT } = {}) {
  await waitFor(page, () => document.documentElement.dataset.panels === 'loaded', undefined,
    { timeout, message: 'the panels below the first screen to be fetched' });
}

/**
 * Waits until the page's `count` engine threads (ui::compute: one Web Worker per lane) have
 * started and fetched their wasm, which is the last file a page loads: each worker reports
 * the fetch in its own resource timeline, which a PerformanceObserver watches.
 */
export async function waitForEngineThreads(page, count = 3, { timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  while (page.workers().length < count) {
    await page.waitForEvent('worker', { timeout: Math.max(1, deadline - Date.now()) });
  }
  await Promise.all(page.workers().map((w) => w.evaluate(() => new Promise((resolve) => {
    const loaded = () => performance.getEntriesByType('resource')
      .some((e) => e.name.endsWith('payung-worker_bg.wasm'));
    if (loaded()) {
      resolve();
      return;
    }
    new PerformanceObserver((_, observer) => {
      if (loaded()) {
        observer.disconnect();
        resolve();
      }
    }).observe({ type: 'resource' });
  }))));
}

export async function openApp(page, path = '/', { timeout = TIMEOUT } = {}) {
  await page.goto(path, { waitUntil: 'load', timeout });
  // Not the first screen drawn ahead (.boot-preview), which has a <main> of its own.
  await waitFor(page, () => [...document.querySelectorAll('main')].some((m) => !m.closest('.boot-preview'))
    || !!document.querySelector('#app-root'), undefined,
    { timeout, message: 'the app to render <main> or #app-root' });
}
