// Registers the service worker (dist/sw.js, written by scripts/postbuild.mjs)
// and tells the app when a new version is waiting. A separate file rather than
// inline script, so the Content-Security-Policy needs no exception for it.
//
// The app learns of an update through the `data-update="ready"` attribute on
// <html> (for a notice mounted later) and a `lattice-update` event on window;
// it answers with a `lattice-reload` event, upon which the waiting worker
// takes over and the page reloads into the new version.
//
// Saving the library for offline (src/components/offline_panel.rs): the app
// sends `lattice-offline-status` or `lattice-save` events; this script asks
// the worker, the storage estimate and (on save) persistent storage, and
// reports on <html> as `data-offline-*` attributes plus a `lattice-offline`
// event, so the app needs no binding to the service worker or storage APIs.
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

  const root = document.documentElement.dataset;
  const report = (fields) => {
    Object.assign(root, fields);
    window.dispatchEvent(new CustomEvent('lattice-offline'));
  };
  const estimate = async () => {
    if (!navigator.storage?.estimate) return;
    const { quota = 0, usage = 0 } = await navigator.storage.estimate();
    report({ offlineAvailable: String(Math.max(0, quota - usage)) });
  };
  const tell = async (message) => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage(message);
  };

  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data ?? {};
    if (data.type === 'corpus-status') {
      report({
        offlineHeld: String(data.held),
        offlineFiles: String(data.files),
        offlineHeldBytes: String(data.heldBytes),
        offlineBytes: String(data.bytes),
      });
      estimate().catch(() => {});
    } else if (data.type === 'save-progress') {
      report({
        offlineState: data.done >= data.files ? 'saved' : 'saving',
        offlineDone: String(data.done),
        offlineFiles: String(data.files),
      });
    } else if (data.type === 'save-failed') {
      report({ offlineState: 'failed', offlineReason: data.reason });
    }
  });

  window.addEventListener('lattice-offline-status', () => {
    tell('corpus-status').catch(() => {});
    estimate().catch(() => {});
  });

  window.addEventListener('lattice-save', async () => {
    report({ offlineState: 'saving', offlineDone: '0' });
    // Ask that the browser not evict what is saved; it may say no, and
    // saving goes ahead either way.
    try {
      const persisted = navigator.storage?.persist ? await navigator.storage.persist() : false;
      report({ offlinePersisted: String(persisted) });
    } catch {
      report({ offlinePersisted: 'false' });
    }
    tell('save-all').catch((error) =>
      report({ offlineState: 'failed', offlineReason: String(error) }),
    );
  });
}
