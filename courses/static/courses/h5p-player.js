// Opens H5P exercises on demand and records what the learner does in them.
//
// H5P libraries are third-party code: they run in a sandboxed iframe on the
// player's own origin, which holds no session (courses/player.py). This page
// keeps the learner's session and does everything that needs it: pressing
// "Commencer" opens a launch on the server, the frame's statements are tagged
// with it (context.registration) and posted from here, as are saved states.
// Messages are accepted only from the frame, on the player's origin.
//
// Statements go into the outbox (IndexedDB, courses/offline/outbox.js) and
// are sent in order, in batches; a statement keeps its id across retries, so
// the server accepts a re-send once and never twice. Offline, "Commencer"
// gets the launch kept with a downloaded module (the site's service worker).
(function () {
  "use strict";

  const ENDPOINT = "/xapi/statements";
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
  let playerScript = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // The outbox (courses/offline/outbox.js, loaded by every signed-in page)
  // keeps statements and states in IndexedDB, where the site's service
  // worker can send them too (docs/offline.md). This page mirrors the
  // statements still waiting into localStorage under the key the queue had
  // before, which also carries over what an older page left there.
  const queue = {
    owner: null,
    key: null,
    timer: null,
    async init(mail) {
      this.owner = mail;
      this.key = "virage-xapi-" + mail;
      let left = [];
      try {
        left = JSON.parse(localStorage.getItem(this.key) || "[]");
      } catch (e) {
        left = [];
      }
      const known = new Set((await this.pending()).map((statement) => statement.id));
      for (const statement of left) {
        if (statement && statement.id && !known.has(statement.id)) await this.add(statement);
      }
      window.addEventListener("online", () => this.flush());
      await this.flush();
    },
    async pending() {
      const items = await window.VirageOutbox.pending(this.owner);
      return items.filter((item) => item.kind === "statement").map((item) => JSON.parse(item.body));
    },
    async mirror() {
      try {
        localStorage.setItem(this.key, JSON.stringify(await this.pending()));
      } catch (e) {
        /* storage full or disabled: the outbox still holds them */
      }
      window.dispatchEvent(new Event("virage:outbox"));
    },
    add(statement) {
      return window.VirageOutbox.push({
        owner: this.owner,
        kind: "statement",
        url: ENDPOINT,
        body: JSON.stringify(statement),
        csrf,
      });
    },
    async push(statement) {
      statement.id = statement.id || uuid();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      await this.add(statement);
      await this.mirror();
      await this.flush();
    },
    async pushState(url, body) {
      await window.VirageOutbox.push({ owner: this.owner, kind: "state", url, body, csrf });
      await this.flush();
    },
    retryLater() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), 15000);
      // The browser wakes the worker when the connection returns, even if
      // this page is closed by then.
      navigator.serviceWorker?.ready
        .then((registration) => registration.sync && registration.sync.register("virage-outbox"))
        .catch(() => {});
    },
    async flush() {
      if (!this.owner) return;
      let done = false;
      try {
        done = await window.VirageOutbox.flush(this.owner, csrf);
      } catch (error) {
        done = false;
      }
      await this.mirror();
      if (!done) this.retryLater();
    },
  };

  const english = document.documentElement.lang.startsWith("en");
  const players = new Map(); // frame window -> its exercise

  async function post(url, body, headers) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: Object.assign({ "X-CSRFToken": csrf }, headers || {}),
      body,
    });
  }

  async function launch(options) {
    const request = options.preview
      ? { content: options.content, preview: true }
      : { lesson: options.lesson, block: options.block };
    const response = await post(options.launchUrl, JSON.stringify(request), {
      "Content-Type": "application/json",
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function stateForm(state) {
    return new URLSearchParams({
      data: state,
      preload: "1",
      invalidate: "1",
      csrfmiddlewaretoken: csrf,
    });
  }

  // A state that cannot be sent now (offline) waits in the outbox, behind
  // the statements made before it.
  function saveState(player, state) {
    if (!player.options.stateUrl) return;
    player.state = state;
    player.saved = false;
    clearTimeout(player.saveTimer);
    player.saveTimer = setTimeout(async () => {
      const response = await post(player.options.stateUrl, stateForm(state)).catch(() => null);
      if (response && response.ok) {
        if (player.state === state) player.saved = true;
      } else if (!response || response.status >= 500) {
        await queue.pushState(player.options.stateUrl, stateForm(state).toString());
        if (player.state === state) player.saved = true;
      }
    }, 1000);
  }

  // Leaving the page: the last state goes in a beacon, which outlives it.
  window.addEventListener("pagehide", () => {
    for (const player of players.values()) {
      if (player.state && !player.saved && player.options.stateUrl) {
        if (navigator.onLine) {
          navigator.sendBeacon(player.options.stateUrl, stateForm(player.state));
        } else {
          queue.pushState(player.options.stateUrl, stateForm(player.state).toString());
        }
        player.saved = true;
      }
    }
  });

  function record(player, statement) {
    if (!statement || typeof statement !== "object" || Array.isArray(statement)) return;
    if (player.options.preview || !player.launch) return;
    statement.context = Object.assign({}, statement.context, { registration: player.launch });
    queue.push(statement);
  }

  window.addEventListener("message", (event) => {
    const player = players.get(event.source);
    if (!player || event.origin !== player.origin) return;
    const data = event.data || {};
    const options = player.options;
    if (data.type === "virage:ready") {
      event.source.postMessage(
        { type: "virage:init", user: options.user, iri: options.iri, state: options.state || null },
        player.origin,
      );
    } else if (data.type === "virage:opened") {
      player.figure.querySelector(".h5p-launch").hidden = true;
      player.figure.classList.add("h5p-open");
      player.frame.focus();
    } else if (data.type === "virage:xapi") {
      record(player, data.statement);
    } else if (data.type === "virage:state" && typeof data.state === "string") {
      saveState(player, data.state);
    } else if (data.type === "virage:resize" && Number.isFinite(data.height)) {
      player.frame.style.height = `${Math.min(Math.max(data.height, 150), 20000)}px`;
    } else if (data.type === "virage:failed") {
      fail(player.figure, player.button, "");
    }
  });

  function fail(figure, button, message) {
    const text = english
      ? "The exercise could not be opened."
      : "L'exercice n'a pas pu être ouvert.";
    const alert = figure.querySelector(".h5p-error");
    alert.textContent = message ? `${text} ${message}` : text;
    alert.hidden = false;
    button.disabled = false;
    button.textContent = button.dataset.label;
  }

  async function open(figure, button) {
    const options = JSON.parse(document.getElementById(figure.dataset.h5pPlayer).textContent);
    button.dataset.label = button.textContent;
    button.disabled = true;
    button.textContent = english ? "Loading…" : "Chargement…";
    figure.querySelector(".h5p-error").hidden = true;
    let opened;
    try {
      opened = await launch(options);
    } catch (error) {
      fail(figure, button, error.message);
      return;
    }
    const container = figure.querySelector(".h5p-container");
    const frame = document.createElement("iframe");
    frame.className = "h5p-frame";
    frame.title = options.title;
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
    frame.setAttribute("allow", "fullscreen");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.src = opened.player_url;
    container.replaceChildren(frame);
    container.hidden = false;
    players.set(frame.contentWindow, {
      figure,
      button,
      frame,
      options,
      origin: new URL(opened.player_url).origin,
      launch: opened.launch || null,
      state: null,
      saved: true,
    });
  }

  document.querySelectorAll("[data-h5p-player]").forEach((figure) => {
    const button = figure.querySelector("[data-h5p-open]");
    button.addEventListener("click", () => open(figure, button));
    const options = JSON.parse(document.getElementById(figure.dataset.h5pPlayer).textContent);
    if (options.user && !queue.key && window.VirageOutbox) queue.init(options.user.mail);
  });
})();
