// Trunk post-build step (run by scripts/post-build.mjs): the first screen, drawn ahead.
//
//   TRUNK_STAGING_DIR=dist node scripts/preview-build.mjs
//
// On a slow connection the app's first answer needs both wasm files (main thread and engine
// thread) before anything shows. This opens the freshly built app in headless Chromium,
// once at phone width and once at laptop width, waits until its default screen (Kota Ambon,
// Indonesian) has settled, and writes that screen's HTML into index.html as two <template>s.
// web/boot.js shows the one that fits, inert and dimmed, behind its loading bar, on a first
// visit only (no link, no saved scenario or language other than Indonesian); the app
// replaces it when it starts. The preview is the app's own output for the default
// scenario, so it is exactly what the user then gets.
//
// If Chromium is missing or the app does not settle, the build goes on without a preview
// (web/boot.js then shows only its loading screen) and this says why; the e2e suite checks
// that a release build has one.
import { chromium } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '../e2e/static-server.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('preview-build: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(2);
}

// Phone (the CSS's one-column layout, ≤ 800 px) and laptop; boot.js picks by the same width.
const VARIANTS = [
  { id: 'boot-preview-narrow', width: 412, height: 823 },
  { id: 'boot-preview-wide', width: 1366, height: 768 },
];

/** In the page: waits until the app has shown its answer (the chance from 1,000 draws) and
 * changed nothing for 800 ms. */
async function settled(page) {
  await page.waitForSelector('.app .chart svg', { timeout: 60_000 });
  // The chance of reaching the target is refined from 100 to 1,000 draws.
  await page.waitForFunction(() => document.querySelector('#target-chance')?.dataset.draws === '1000', null, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let timer;
        const quiet = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            observer.disconnect();
            resolve();
          }, 800);
        };
        const observer = new MutationObserver(quiet);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        quiet();
      }),
  );
}

/**
 * In the page: the app's first screen as inert HTML. Only what shows in the first screen and
 * a little below is kept (what is hidden or further down would only cost parsing); ids, form
 * names and print-only parts are removed.
 */
function snapshot() {
  const app = document.querySelector('.app');
  const copy = app.cloneNode(true);
  const below = window.innerHeight * 1.25;
  const live = [...app.querySelectorAll('*')];
  const copied = [...copy.querySelectorAll('*')];
  const drop = [];
  live.forEach((el, i) => {
    if (el.closest('svg, select')) return;
    // `display: contents` wrappers (sections mounted later) have no box of their own.
    const hidden = el.getClientRects().length === 0 && getComputedStyle(el).display !== 'contents';
    if (hidden || el.getBoundingClientRect().top > below) drop.push(copied[i]);
  });
  for (const el of drop) el.remove();
  // Form values live in properties, which outerHTML does not show.
  const kept = new Set(copy.querySelectorAll('input, select, textarea'));
  copied.forEach((el, i) => {
    if (!kept.has(el)) return;
    const from = live[i];
    if (el.type === 'checkbox' || el.type === 'radio') {
      if (from.checked) el.setAttribute('checked', '');
      else el.removeAttribute('checked');
    } else if (el.tagName === 'SELECT') {
      el.querySelectorAll('option').forEach((o, j) => o.toggleAttribute('selected', j === from.selectedIndex));
    } else if (el.tagName === 'TEXTAREA') {
      el.textContent = from.value;
    } else {
      el.setAttribute('value', from.value);
    }
  });
  copy.querySelectorAll('.brief, script, template, dialog, .skip').forEach((el) => el.remove());
  // The app's own elements must stay the only ones with these ids, names and references.
  const refs = ['id', 'for', 'name', 'form', 'list', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const a of refs) el.removeAttribute(a);
  }
  copy.classList.replace('app', 'app-preview');
  return copy.outerHTML;
}

async function main() {
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.PAYUNG_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const templates = [];
  try {
    for (const v of VARIANTS) {
      const page = await browser.newPage({ viewport: { width: v.width, height: v.height }, serviceWorkers: 'block', locale: 'id-ID' });
      await page.goto(server.url);
      await settled(page);
      const html = await page.evaluate(snapshot);
      if (html.includes('</template')) throw new Error('the screen contains </template>');
      templates.push(`<template id="${v.id}">${html}</template>`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const index = path.join(dir, 'index.html');
  const page = await readFile(index, 'utf8');
  if (!page.includes('</body>')) throw new Error('index.html has no </body>');
  await writeFile(index, page.replace('</body>', `${templates.join('\n')}\n</body>`));
  const size = templates.reduce((n, t) => n + t.length, 0);
  console.log(`preview-build: ${templates.length} first screens written into index.html (${size} bytes)`);
}

try {
  await main();
} catch (e) {
  console.warn(`preview-build: no preview in this build (${e.message.split('\n')[0]})`);
}
