// Registers the service worker (web/sw.js) that keeps Payung working offline, and offers a
// new version when one has been installed: "Versi baru tersedia — Muat ulang". Nothing
// reloads until the user asks; the scenario being edited is kept in localStorage anyway.
// The banner's text follows the page's language (<html lang>, set by the app).

const TEXT = {
  id: { message: 'Versi baru tersedia.', reload: 'Muat ulang', later: 'Nanti' },
  en: { message: 'A new version is available.', reload: 'Reload', later: 'Later' },
};

const text = () => (document.documentElement.lang === 'en' ? TEXT.en : TEXT.id);

let accepted = false;

function offer(worker) {
  if (document.getElementById('update-banner')) return;
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner';
  bar.setAttribute('role', 'status');
  const message = document.createElement('span');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.id = 'update-reload';
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'update-later';
  const label = () => {
    const t = text();
    message.textContent = t.message;
    reload.textContent = t.reload;
    later.textContent = t.later;
  };
  label();
  const relabel = new MutationObserver(label);
  relabel.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  reload.addEventListener('click', () => {
    accepted = true;
    reload.disabled = true;
    worker.postMessage('skip-waiting');
  });
  later.addEventListener('click', () => {
    relabel.disconnect();
    bar.remove();
  });
  bar.append(message, reload, later);
  document.body.append(bar);
}

function watch(registration) {
  // Some browsers (and test harnesses) that block service workers resolve with nothing.
  if (!registration) return;
  // Only an update is offered: the first install has no page to replace.
  const offerIfUpdate = (worker) => {
    if (worker && navigator.serviceWorker.controller) offer(worker);
  };
  offerIfUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offerIfUpdate(worker);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
}

// Registered once the app shows (web/boot.js removes its loading screen and says so): the
// worker's first install downloads every file again, which must not compete with the app's
// own first download on a slow line.
if ('serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker.register('sw.js').then(watch, (err) => console.warn('Payung: offline mode unavailable:', err));
  if (!document.getElementById('boot')) register();
  else addEventListener('payung:shown', register, { once: true });
}
