// The site's service worker (served as /sw.js by courses.views_offline,
// which sets self.VIRAGE_OFFLINE and imports Workbox and the outbox first).
//
// Online, pages come from the network and nothing changes; a page that a
// downloaded module holds is refreshed in its cache as it passes, and
// "Mon parcours" is kept as the app shell. Offline, pages, static files and
// images come from the caches the module pages filled ("virage-module-<id>"),
// "Commencer" gets the launch kept with the module, and the outbox is sent
// when the connection returns. See docs/offline.md.
/* global workbox, VirageOutbox */
(function () {
  "use strict";

  const config = self.VIRAGE_OFFLINE;
  const PREFIX = config.prefix;
  const SHELL = `${PREFIX}shell`;
  const STATIC = `${PREFIX}static`;
  const { registerRoute } = workbox.routing;
  const { NetworkFirst, StaleWhileRevalidate } = workbox.strategies;

  self.skipWaiting();
  workbox.core.clientsClaim();

  async function moduleCaches() {
    const names = await caches.keys();
    return names.filter((name) => name.startsWith(`${PREFIX}module-`));
  }

  // Anything a module or the shell holds, whatever cache it is in.
  async function kept(request) {
    return caches.match(request, { ignoreVary: true });
  }

  function offlinePage() {
    const text = config.offline.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return new Response(
      `<!DOCTYPE html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Virage</title><main style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>Virage</h1><p>${text}</p><p><a href="${config.dashboards[0]}">Mon parcours</a></p></main></html>`,
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }

  // A page a module holds is refreshed there when it is fetched online, so
  // the module keeps the learner's latest progress.
  const refreshModules = {
    fetchDidSucceed: async ({ request, response }) => {
      if (response.ok && response.type === "basic") {
        for (const name of await moduleCaches()) {
          const cache = await caches.open(name);
          if (await cache.match(request, { ignoreVary: true })) {
            await cache.put(request, response.clone());
          }
        }
      }
      return response;
    },
    handlerDidError: async ({ request }) => (await kept(request)) || offlinePage(),
  };
  // Only the shell (Mon parcours) is kept from browsing; other pages are
  // kept when their module is downloaded.
  const shellOnly = {
    cacheWillUpdate: async ({ request, response }) =>
      response.ok && config.dashboards.includes(new URL(request.url).pathname) ? response : null,
  };

  registerRoute(
    ({ request, url }) => request.mode === "navigate" && url.origin === self.location.origin,
    new NetworkFirst({
      cacheName: SHELL,
      networkTimeoutSeconds: 8,
      plugins: [shellOnly, refreshModules],
    }),
  );

  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/static/"),
    new StaleWhileRevalidate({
      cacheName: STATIC,
      plugins: [{ handlerDidError: async ({ request }) => kept(request) }],
    }),
  );

  // Images a module holds (a small rendition, under the address the page
  // shows): from the cache first, they do not change at the same address.
  registerRoute(
    ({ request, url }) =>
      url.origin === self.location.origin &&
      url.pathname.startsWith("/media/") &&
      request.destination === "image",
    async ({ request }) => (await kept(request)) || fetch(request),
  );

  // "Commencer" offline: the launch opened when the module was downloaded.
  function json(data, status) {
    return new Response(JSON.stringify(data), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  }

  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname === "/h5p/lancements",
    async ({ request }) => {
      const body = await request.clone().text();
      try {
        return await fetch(request);
      } catch (error) {
        let asked = {};
        try {
          asked = JSON.parse(body);
        } catch (e) {
          /* not JSON: nothing kept for it */
        }
        const key = `/hors-ligne/lancements/${asked.lesson}/${encodeURIComponent(asked.block)}`;
        const response = await kept(new Request(key));
        if (!response) return json({ error: config.launchOffline }, 503);
        const launch = await response.json();
        if (Date.parse(launch.expires) <= Date.now()) {
          return json({ error: config.launchExpired }, 503);
        }
        return json(launch, 201);
      }
    },
    "POST",
  );

  // The outbox: a page sends it itself when the connection returns; the
  // worker sends it too, when the browser says the connection is back
  // (Background Sync) or a page asks.
  async function flushAll() {
    for (const owner of await VirageOutbox.owners()) {
      await VirageOutbox.flush(owner);
    }
  }
  self.addEventListener("sync", (event) => {
    if (event.tag === "virage-outbox") event.waitUntil(flushAll());
  });
  self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "virage:flush") event.waitUntil(flushAll());
  });
})();
