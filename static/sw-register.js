// Registers the service worker (dist/sw.js, written by scripts/postbuild.mjs)
// and tells the app when a new version is waiting. A separate file rather than
// inline script, so the Content-Security-Policy needs no exception for it.
//
// The app learns of an update through the `data-update="ready"` attribute on
// <html> (for a notice mounted later) and a `lattice-update` event on window;
// it answers with a `lattice-reload` event, upon which the waiting worker
// takes over and the page reloads into the new version.
if ('serviceWorker' in navigator) {
  let waiting = null;
  let reloadRequested = false;

  const announce = (worker) => {
    waiting = worker;
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new CustomEvent('lattice-update'));
  };

  const track = (worker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
    });
  };

  const watch = (registration) => {
    // The first install has nothing to replace; only later ones are updates.
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    // The browser checks for a new sw.js on every visit, possibly before this
    // script runs: pick up an install already under way, then any later one.
    if (registration.installing) track(registration.installing);
    registration.addEventListener('updatefound', () => track(registration.installing));
  };

  // Relative to the page, so the scope is whatever folder the app is served
  // from. Offline, the check for a newer sw.js fails; the cached version keeps
  // working and the next online visit checks again: nothing to report.
  navigator.serviceWorker
    .register('./sw.js')
    .then(watch)
    .catch(() => {});

  window.addEventListener('lattice-reload', () => {
    reloadRequested = true;
    if (waiting) waiting.postMessage('skip-waiting');
    else window.location.reload();
  });

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only the reader's own request reloads the page; never by surprise.
    if (reloadRequested) window.location.reload();
  });
}
