// p135 web's service worker: caches every file of the build on install, then answers from the
// cache first, so the app works offline once loaded. Same origin only; nothing is fetched from
// anywhere else. The build (vite/service-worker.ts) fills in VERSION and PRECACHE.
const VERSION = /*__VERSION__*/;
const PRECACHE = /*__PRECACHE__*/;
const CACHE = `p135-web-${VERSION}`;

// A new build waits until no page runs the old one (no skipWaiting): a page keeps the files it
// started with, and its lazily loaded chunks (the engine worker, exceljs) stay in the cache it uses.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// Once active, drop the caches of older builds and take the pages that have no worker yet.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('p135-web-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The hub's API (when a hub serves the app): always the network, never cached (answers depend on the token and change).
  if (url.pathname.startsWith(new URL('./v1/', self.location.href).pathname) || request.headers.has('authorization')) return;
  // Pages (any path, any hash) are the one page of the app.
  const key = request.mode === 'navigate' ? new URL('./', self.location.href).href : url.href.split('#')[0];
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok && response.type === 'basic') cache.put(key, response.clone());
            return response;
          }),
      ),
    ),
  );
});
