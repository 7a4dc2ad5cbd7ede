// Starts the Payung wasm app. Loaded as an external module so the page's
// Content-Security-Policy allows it without 'unsafe-inline' (see Trunk.toml).
// Trunk writes the hashed names of the wasm-bindgen glue and the wasm file into
// <meta name="payung-app" data-js=… data-wasm=…>.
//
// Until the app runs, index.html shows a loading screen (#boot). This script shows it in
// the language chosen last time, else the browser's (id → Indonesian, else English),
// streams the wasm download to report its progress, and says so plainly when WebAssembly
// is missing or the module cannot be instantiated. It logs nothing to the console.
//
// On a first visit to the plain address it also shows the app's default screen, drawn ahead
// at build time (scripts/preview-build.mjs), inert and dimmed behind the loading bar, so a
// slow connection shows the answer at once; the app replaces it when it starts.
// Ctrl+P takes the print button's path (below).
// A file dropped anywhere but on the app's file panel (which takes it and cancels the event)
// must not make the browser leave the page to show the file: such drops are refused, and the
// pointer says so.
addEventListener('dragover', (e) => {
  if (e.defaultPrevented) return;
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
});
addEventListener('drop', (e) => e.preventDefault());

// Ctrl+P (⌘P on a Mac) prints what the app's print button prints, the brief, by taking the
// button's path: it waits for the brief's drawing (in the panels' chunk) and the shown
// scenario's answer, so the shortcut prints the brief even in the first second after
// opening, where the browser's own print would lay the page out before the brief is drawn
// and print the screen's page. Where there is no such button (the loading screen, the embed)
// the browser prints as usual.
addEventListener('keydown', (e) => {
  const printKey = e.key === 'p' || e.key === 'P' || e.code === 'KeyP';
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || !printKey) return;
  // The app's own button, not one in the first screen drawn ahead (inert, with no handler).
  const button = document.querySelector('.app #print');
  if (!button) return;
  e.preventDefault();
  if (!e.repeat) button.click();
});

const boot = document.getElementById('boot');
const progress = document.getElementById('boot-progress');
const bytesText = document.getElementById('boot-bytes');

function language() {
  // A link copied from the English page says so (`#s=…&lang=en`, ui/share/language.rs).
  const linked = /(?:^#|&)lang=(id|en)(?:&|$)/i.exec(location.hash);
  if (linked) return linked[1].toLowerCase();
  try {
    const saved = JSON.parse(localStorage.getItem('payung.lang') ?? 'null');
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // Storage blocked or unreadable: fall back to the browser's language.
  }
  return (navigator.language || '').toLowerCase().startsWith('id') ? 'id' : 'en';
}

/** Whether this visit opens the default screen: no link, nothing saved, Indonesian. */
function firstVisit() {
  if (location.search || location.hash) return false;
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key === 'payung.current' || key.startsWith('payung.open.')) return false;
    }
    return (localStorage.getItem('payung.lang') ?? '"id"') === '"id"';
  } catch {
    return false;
  }
}

/** Shows the screen drawn ahead for this width, if the build has one; whether it did. */
function preview() {
  if (!firstVisit()) return false;
  const narrow = matchMedia('(max-width: 800px)').matches;
  const template = document.getElementById(narrow ? 'boot-preview-narrow' : 'boot-preview-wide');
  if (!template) return;
  const holder = document.createElement('div');
  holder.className = 'boot-preview';
  holder.inert = true;
  holder.setAttribute('aria-hidden', 'true');
  holder.append(template.content.cloneNode(true));
  boot.append(holder);
  boot.classList.add('with-preview');
  return true;
}

/**
 * Resolves once the browser reports the preview painted (its largest contentful paint), so
 * that the app's download does not compete with the first screen, on a fast connection the
 * app does not replace it before it was ever seen, and the browser's own measure of the
 * first screen counts it. It never holds the app back long:
 * browsers without that report, a page loaded out of sight, and a first tap or key resolve
 * at once, and at worst it waits `LIMIT_MS`.
 */
function previewPainted() {
  const LIMIT_MS = 500;
  if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')
    || document.visibilityState !== 'visible') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const observer = new PerformanceObserver(() => finish());
    const events = ['visibilitychange', 'pointerdown', 'keydown'];
    const timer = setTimeout(() => finish(), LIMIT_MS);
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      for (const e of events) removeEventListener(e, finish, true);
      resolve();
    }
    for (const e of events) addEventListener(e, finish, true);
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  });
}
const painted = preview() ? previewPainted() : Promise.resolve();
const lang = language();
document.documentElement.lang = lang;
boot.classList.add('ready');

// Megabytes to one decimal, "1,4" in Indonesian and "1.4" in English: written out rather
// than through `Intl.NumberFormat`, whose first use in a page loads the browser's locale
// data (50-65 ms of the main thread at 4x CPU throttling, one long task at load), and
// `toLocaleString` builds a formatter on every call. A download is far below 1,000 MB, so
// no digit grouping is needed.
const megabytes = (n) => {
  const text = (n / 1_000_000).toFixed(1);
  return lang === 'id' ? text.replace('.', ',') : text;
};

// The progress is shown at most once a frame (a chunk arrives every few kilobytes).
let latestProgress = null;
let progressFrame = 0;
function report(received, total) {
  latestProgress = [received, total];
  progressFrame ||= requestAnimationFrame(() => {
    progressFrame = 0;
    showProgress(...latestProgress);
  });
}

function showProgress(received, total) {
  if (total > 0 && received <= total) {
    progress.max = total;
    progress.value = received;
    bytesText.textContent =
      lang === 'id'
        ? `${megabytes(received)} MB dari ${megabytes(total)} MB`
        : `${megabytes(received)} MB of ${megabytes(total)} MB`;
  } else {
    bytesText.textContent = lang === 'id' ? `${megabytes(received)} MB diterima` : `${megabytes(received)} MB received`;
  }
}

function failed() {
  boot.querySelector('.boot-preview')?.remove();
  boot.classList.remove('with-preview');
  document.getElementById('boot-loading').hidden = true;
  document.getElementById('boot-failed').hidden = false;
  boot.setAttribute('role', 'alert');
}

/** The wasm file as a Response whose body reports its progress as it streams in. */
async function download(url) {
  const response = await fetch(url);
  if (!response.ok || !response.body) return response;
  // A compressed transfer's length is not the length of what the stream delivers.
  const encoded = response.headers.get('content-encoding');
  const total = encoded ? 0 : Number(response.headers.get('content-length')) || 0;
  let received = 0;
  report(0, total);
  const reader = response.body.getReader();
  const stream = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      received += value.byteLength;
      report(received, total);
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
}

/** Runs a classic script (the embed's wasm-bindgen glue); resolves once it has run. */
function classicScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

/**
 * The wasm-bindgen glue's init function and the wasm file to give it: the full app
 * (payung-web, hashed names from the meta tag), or for an address with an `embed` query
 * parameter (`?embed=1`, `?a=b&embed`; not `?embedded` or `#embed`) the embed's own smaller app, built unhashed as a
 * classic script that defines `wasm_bindgen` (src/bin/embed.rs; see index.html).
 */
async function glue(app) {
  if (!new URLSearchParams(location.search).has('embed')) {
    const { default: init } = await import(app.dataset.js);
    return { init, wasm: app.dataset.wasm };
  }
  await classicScript('payung-embed.js');
  // The glue declares `let wasm_bindgen` at its top level: a global binding that every
  // script sees by name, though not a property of `globalThis`.
  // eslint-disable-next-line no-undef
  return { init: wasm_bindgen, wasm: 'payung-embed_bg.wasm' };
}

async function start() {
  const app = document.querySelector('meta[name="payung-app"]');
  if (!app) {
    throw new Error('boot.js: <meta name="payung-app"> missing; build with trunk (Trunk.toml pattern_script)');
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    failed();
    return;
  }
  let wasm;
  try {
    const { init, wasm: file } = await glue(app);
    // Fetched once the preview, if any, has been painted (it then needs the connection to
    // itself for no longer than a frame); the glue compiles it as it streams in.
    wasm = await init({ module_or_path: painted.then(() => download(file)) });
  } catch {
    failed();
    return;
  }
  // The app shows its first screen once the engine's first answer arrives from its
  // background thread; the loading screen stays until then.
  cancelAnimationFrame(progressFrame);
  progress.removeAttribute('value');
  bytesText.textContent = '';
  // web/offline.js waits for `payung:shown` before it installs the offline copy.
  const shown = () => document.querySelector('.app, .embed, .fatal');
  const done = () => {
    boot.remove();
    dispatchEvent(new Event('payung:shown'));
  };
  if (shown()) {
    done();
  } else {
    new MutationObserver((_, observer) => {
      if (shown()) {
        observer.disconnect();
        done();
      }
    }).observe(document.body, { childList: true, subtree: true });
  }
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}

await start();
