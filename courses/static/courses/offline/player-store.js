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

  // The fonts and images a style sheet asks for, exactly as it asks (with
  // its "?v=…"), on this origin.
  function cssUrls(css, base) {
    const urls = [];
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      if (match[2].startsWith("data:")) continue;
      const url = new URL(match[2], new URL(base, location.href));
      const path = url.pathname.toLowerCase();
      const oldFont = /\.(eot|otf|ttf)$/.test(path) || (path.endsWith(".svg") && path.includes("font"));
      if (url.origin === location.origin && url.pathname.startsWith("/h5p/") && !oldFont) {
        urls.push(url.href.split("#")[0]);
      }
    }
    return urls;
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
    let total = files.length;
    // A few at a time: a slow link is not flooded, a fast one is used.
    const queue = files.slice();
    const seen = new Set(files.map((url) => new URL(url, location.href).href));
    async function worker() {
      while (queue.length) {
        const url = queue.shift();
        try {
          const response = await fetch(url, { credentials: "omit", cache: "no-cache" });
          if (!response.ok) throw new Error(String(response.status));
          if ((response.headers.get("Content-Type") || "").startsWith("text/css")) {
            for (const found of cssUrls(await response.clone().text(), url)) {
              if (!seen.has(found)) {
                seen.add(found);
                queue.push(found);
                total += 1;
              }
            }
          }
          await cache.put(url, response);
        } catch (error) {
          failed += 1;
        }
        done += 1;
        post({ type: "virage:offline-progress", module: data.module, done, total });
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
