// Payung's service worker: after one visit the app opens and works with no network.
//
// It precaches every file of the build (the list and the version are written in by
// scripts/offline-build.mjs, a Trunk post-build hook), answers same-origin GETs from that
// cache, and answers every page load (share links included: they only differ in the query)
// with the cached index.html. A new build has a new version, so the browser installs it
// beside the running one; it waits until the page asks it to take over (the user clicked
// "Muat ulang" in the banner that web/offline.js shows), so an open session is never
// reloaded under the user. Saved scenarios live in localStorage and are not touched.

const BUILD = /* PAYUNG_BUILD */ { version: 'dev', files: [] };
const PREFIX = 'payung-';
const CACHE = PREFIX + BUILD.version;

self.addEventListener('install', (event) => {
  // 'no-cache' revalidates with the server, so an older copy in the HTTP cache is not kept.
  const requests = BUILD.files.map((file) => new Request(file, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const page = await cache.match('index.html');
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
