// The H5P player origin's service worker (served as /sw.js on the player's
// host by courses.views_offline). The site's worker cannot see this origin's
// requests: this one answers the player page, the contents and the
// libraries from the caches a module page filled through
// /h5p/hors-ligne/ (player-store.js). See docs/offline.md.
/* global workbox */
(function () {
  "use strict";

  const PREFIX = self.VIRAGE_OFFLINE.prefix;
  const { registerRoute } = workbox.routing;
  const { CacheFirst, NetworkFirst } = workbox.strategies;

  self.skipWaiting();
  workbox.core.clientsClaim();

  // The runtime cache is never written: what is kept is what a module
  // downloaded; these strategies read every cache through the plugin.
  // A file asked with a query string (a font "?v=4.5.0" in a library's
  // style sheet, "throbber.gif?ver=1.2.1") is kept without it; the player
  // page itself is matched whole (its query names the embedding site).
  async function kept(request) {
    const exact = await caches.match(request, { ignoreVary: true });
    if (exact || request.mode === "navigate") return exact || null;
    return (await caches.match(request, { ignoreVary: true, ignoreSearch: true })) || null;
  }
  const anyCache = {
    cacheWillUpdate: async () => null,
    cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
      cachedResponse || kept(request),
    handlerDidError: async ({ request }) => kept(request),
  };

  // Versioned library files and content files never change at an address.
  registerRoute(
    ({ url }) =>
      url.origin === self.location.origin &&
      (url.pathname.startsWith("/h5p/bibliotheques/v/") ||
        /^\/h5p\/lecteur\/\d+\/[^/]+\/.+/.test(url.pathname)),
    new CacheFirst({ cacheName: `${PREFIX}player-runtime`, plugins: [anyCache] }),
  );

  // The player page and the static files (the bridge, h5p-standalone) may
  // change: from the network while there is one.
  registerRoute(
    ({ request, url }) =>
      url.origin === self.location.origin &&
      (request.mode === "navigate" || url.pathname.startsWith("/static/")),
    new NetworkFirst({
      cacheName: `${PREFIX}player-runtime`,
      networkTimeoutSeconds: 8,
      plugins: [anyCache],
    }),
  );
})();
