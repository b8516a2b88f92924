// "Disponible hors ligne" on a module page: downloads what the module's
// manifest lists (/hors-ligne/modules/<id>) into this device's caches, shows
// the space it takes, and removes it. Pages, static files, images and the
// launches go in the site's cache "virage-module-<id>"; the player's files go
// in the player origin's cache of the same name, through a hidden frame on
// that origin (player-store.js). See docs/offline.md.
(function () {
  "use strict";

  const panel = document.querySelector("[data-offline-module]");
  if (!panel || !("serviceWorker" in navigator) || !("caches" in window)) return;

  const text = panel.dataset;
  const module = Number(text.module);
  const CACHE = `virage-module-${module}`;
  const RECORDS = "virage-offline-modules";
  const status = panel.querySelector("[data-offline-status]");
  const usage = panel.querySelector("[data-offline-usage]");
  const download = panel.querySelector("[data-offline-download]");
  const removal = panel.querySelector("[data-offline-remove]");
  const progress = panel.querySelector("[data-offline-progress]");
  const number = new Intl.NumberFormat(document.documentElement.lang || "fr", {
    maximumFractionDigits: 1,
  });

  function records() {
    try {
      return JSON.parse(localStorage.getItem(RECORDS) || "{}");
    } catch (error) {
      return {};
    }
  }

  function record(value) {
    const all = records();
    if (value) all[module] = value;
    else delete all[module];
    localStorage.setItem(RECORDS, JSON.stringify(all));
  }

  function megabytes(bytes) {
    return `${number.format(bytes / 1048576)} Mo`;
  }

  // What the downloaded modules take on this device (both origins' caches:
  // navigator.storage.estimate() sees only this origin's).
  async function estimate() {
    const bytes = Object.values(records()).reduce((sum, kept) => sum + (kept.bytes || 0), 0);
    return bytes ? text.textTotal.replace("%(size)s", megabytes(bytes)) : "";
  }

  async function show() {
    const kept = records()[module];
    download.disabled = false;
    if (kept) {
      status.textContent = text.textReady.replace(
        "%(date)s",
        new Date(kept.at).toLocaleString(document.documentElement.lang || "fr", {
          dateStyle: "long",
          timeStyle: "short",
        }),
      );
      if (!kept.exercises) status.textContent += ` ${text.textNoExercises}`;
      else if (kept.expires && kept.expires < Date.now()) status.textContent += ` ${text.textExpired}`;
      download.textContent = text.textUpdate;
      removal.hidden = false;
      usage.textContent = `${text.textModule.replace("%(size)s", megabytes(kept.bytes))} ${await estimate()}`;
    } else {
      status.textContent = text.textIntro;
      download.textContent = text.textDownload;
      removal.hidden = true;
      usage.textContent = await estimate();
    }
  }

  async function size(cache) {
    let bytes = 0;
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response) bytes += (await response.clone().arrayBuffer()).byteLength;
    }
    return bytes;
  }

  // The player origin's frame, once it says its worker is ready.
  let frame = null;
  let frameReady = null;
  const waiting = new Map();
  function playerFrame(store) {
    if (frameReady) return frameReady;
    const origin = new URL(store).origin;
    frameReady = new Promise((resolve, reject) => {
      frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = text.textFrame;
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
      frame.setAttribute("referrerpolicy", "no-referrer");
      const timer = setTimeout(() => reject(new Error("player")), 20000);
      window.addEventListener("message", (event) => {
        if (event.origin !== origin || event.source !== frame.contentWindow) return;
        const data = event.data || {};
        if (data.type === "virage:offline-ready") {
          clearTimeout(timer);
          resolve((message) => frame.contentWindow.postMessage(message, origin));
        } else if (data.type === "virage:offline-unsupported") {
          clearTimeout(timer);
          reject(new Error(data.message || "unsupported"));
        } else if (data.type === "virage:offline-progress") {
          showProgress(data.done, data.total);
        } else if (waiting.has(data.type)) {
          waiting.get(data.type)(data);
          waiting.delete(data.type);
        } else if (data.type === "virage:offline-failed" && waiting.size) {
          for (const resolve of waiting.values()) resolve({ failed: 1, bytes: 0 });
          waiting.clear();
        }
      });
      frame.src = store;
      document.body.appendChild(frame);
    });
    return frameReady;
  }

  async function ask(store, message, answer) {
    const send = await playerFrame(store);
    const reply = new Promise((resolve) => waiting.set(answer, resolve));
    send(message);
    return reply;
  }

  let shown = 0;
  let total = 0;
  function showProgress(done, of) {
    progress.hidden = false;
    progress.max = of + total;
    progress.value = done + shown;
  }

  // Static files and images a page uses: what it links to on this origin.
  function assets(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const urls = [];
    for (const node of doc.querySelectorAll("link[href], script[src], img[src]")) {
      const url = new URL(node.getAttribute("href") || node.getAttribute("src"), location.href);
      if (url.origin === location.origin && !url.pathname.startsWith("/media/")) {
        urls.push(url.pathname + url.search);
      }
    }
    return urls;
  }

  async function put(cache, url) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    await cache.put(url, response.clone());
    return response;
  }

  async function save() {
    download.disabled = true;
    status.textContent = text.textDownloading;
    const started = performance.now();
    const response = await fetch(text.manifest, { credentials: "same-origin" });
    const manifest = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(manifest.error || response.statusText);
    await navigator.serviceWorker.register(text.worker, { scope: "/" });
    await navigator.serviceWorker.ready;
    await caches.delete(CACHE); // a new download replaces the old one
    const cache = await caches.open(CACHE);
    const pages = [...manifest.pages, manifest.shell];
    total = pages.length + manifest.images.length;
    shown = 0;
    const statics = new Set();
    for (const url of pages) {
      const page = await put(cache, url);
      for (const asset of assets(await page.text())) statics.add(asset);
      shown += 1;
      showProgress(0, 0);
    }
    total += statics.size;
    for (const url of statics) {
      await put(cache, url);
      shown += 1;
      showProgress(0, 0);
    }
    for (const image of manifest.images) {
      const small = await put(cache, image.url);
      for (const url of image.shown_as) await cache.put(url, small.clone());
      shown += 1;
      showProgress(0, 0);
    }
    // The exercises: their player files on the player's origin first, then
    // the launches, kept only if the player could be stored (a browser that
    // blocks third-party storage refuses the player's worker: the lessons are
    // kept, the exercises will ask for a connection).
    let playerBytes = 0;
    let exercises = manifest.launches.length > 0;
    if (exercises) {
      try {
        const stored = await ask(
          manifest.player.store,
          { type: "virage:offline-store", module, files: manifest.player.files },
          "virage:offline-stored",
        );
        if (stored.failed) throw new Error(text.textIncomplete);
        playerBytes = stored.bytes;
      } catch (error) {
        if (error.message === text.textIncomplete) throw error;
        exercises = false;
      }
    }
    for (const kept of exercises ? manifest.launches : []) {
      const key = `/hors-ligne/lancements/${kept.lesson}/${encodeURIComponent(kept.block)}`;
      const body = { launch: kept.launch, expires: kept.expires, player_url: kept.player_url };
      await cache.put(
        key,
        new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } }),
      );
    }
    const bytes = (await size(cache)) + playerBytes;
    const expires = manifest.launches.map((kept) => Date.parse(kept.expires));
    record({
      at: Date.now(),
      bytes,
      seconds: (performance.now() - started) / 1000,
      store: manifest.player.store,
      expires: exercises && expires.length ? Math.min(...expires) : null,
      exercises: exercises || !manifest.launches.length,
    });
    progress.hidden = true;
    await show();
    panel.dataset.offlineReady = "true";
  }

  async function remove() {
    const kept = records()[module];
    await caches.delete(CACHE);
    if (kept && kept.store && navigator.onLine) {
      await ask(kept.store, { type: "virage:offline-remove", module }, "virage:offline-removed");
    }
    record(null);
    if (!Object.keys(records()).length) {
      // Nothing left offline: the site's worker goes too.
      const registration = await navigator.serviceWorker.getRegistration("/");
      if (registration) await registration.unregister();
    }
    delete panel.dataset.offlineReady;
    await show();
    status.textContent = text.textRemoved;
  }

  function failed(error) {
    progress.hidden = true;
    download.disabled = false;
    status.textContent = `${text.textFailed} ${error.message || ""}`.trim();
  }

  download.addEventListener("click", () => save().catch(failed));
  removal.addEventListener("click", () => remove().catch(failed));
  panel.hidden = false;
  if (records()[module]) panel.dataset.offlineReady = "true";
  show();
})();
