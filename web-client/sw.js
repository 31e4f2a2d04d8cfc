// The phone's service worker: the app shell (pages, modules, styles, icons) from the network
// when there is one, so a new version of the client is used as soon as it is served, and from
// the cache when there is none, so a phone that reloads in a dead spot still opens. The café's
// state is not here: the page keeps it (kept-cafe.js). The API and the websocket are never
// cached.

const CACHE = 'flamingo-shell-v1';
/** Every phone address (`/join/K7QM3P`) is the same page. */
const PHONE_PAGE = '/join';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(PHONE_PAGE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The page tells what it loaded before this worker controlled it, so all of it is kept. */
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter(isShell);
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)).catch(() => {}));
});

/** @param {string} url */
function isShell(url) {
  const u = new URL(url, self.location.origin);
  return u.origin === self.location.origin && !u.pathname.startsWith('/api/') && u.pathname !== '/ws';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !isShell(request.url)) return;
  const phonePage = request.mode === 'navigate' && new URL(request.url).pathname.startsWith('/join');
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(phonePage ? PHONE_PAGE : request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(phonePage ? PHONE_PAGE : request).then((hit) => hit ?? Response.error()),
      ),
  );
});
