// Runs on the H5P player's origin, in a hidden frame of a module page
// (courses.views_offline.player_store_page): registers this origin's service
// worker and stores, counts or removes a module's player files in this
// origin's caches, as the module page asks. Messages come only from the
// parent, on the site's origin, and go back only to it.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("offline-store").textContent);
  const PARENT = config.parent;
  const PREFIX = config.prefix;

  function post(message) {
    window.parent.postMessage(message, PARENT);
  }

  function cacheName(module) {
    return `${PREFIX}module-${Number(module)}`;
  }

  async function size(cache) {
    let bytes = 0;
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response) bytes += (await response.clone().arrayBuffer()).byteLength;
    }
    return bytes;
  }

  async function store(data) {
    const name = cacheName(data.module);
    const cache = await caches.open(name);
    const files = Array.from(new Set(data.files || [])).filter((url) => {
      try {
        return new URL(url, location.href).origin === location.origin;
      } catch (error) {
        return false;
      }
    });
    let done = 0;
    let failed = 0;
    // A few at a time: a slow link is not flooded, a fast one is used.
    const queue = files.slice();
    async function worker() {
      while (queue.length) {
        const url = queue.shift();
        try {
          const response = await fetch(url, { credentials: "omit", cache: "no-cache" });
          if (!response.ok) throw new Error(String(response.status));
          await cache.put(url, response);
        } catch (error) {
          failed += 1;
        }
        done += 1;
        post({ type: "virage:offline-progress", module: data.module, done, total: files.length });
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()]);
    post({ type: "virage:offline-stored", module: data.module, failed, bytes: await size(cache) });
  }

  async function usage(data) {
    const names = await caches.keys();
    const name = cacheName(data.module);
    const bytes = names.includes(name) ? await size(await caches.open(name)) : 0;
    post({ type: "virage:offline-usage", module: data.module, bytes });
  }

  async function removeModule(data) {
    await caches.delete(cacheName(data.module));
    post({ type: "virage:offline-removed", module: data.module });
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== PARENT || event.source !== window.parent) return;
    const data = event.data || {};
    const handlers = {
      "virage:offline-store": store,
      "virage:offline-usage": usage,
      "virage:offline-remove": removeModule,
    };
    const handler = handlers[data.type];
    if (handler) {
      handler(data).catch((error) =>
        post({ type: "virage:offline-failed", module: data.module, message: String(error) }),
      );
    }
  });

  async function start() {
    if (!("serviceWorker" in navigator) || !("caches" in window)) {
      post({ type: "virage:offline-unsupported" });
      return;
    }
    await navigator.serviceWorker.register(config.worker, { scope: "/" });
    await navigator.serviceWorker.ready;
    post({ type: "virage:offline-ready" });
  }
  start().catch((error) => post({ type: "virage:offline-unsupported", message: String(error) }));
})();
