// Opens H5P exercises on demand and forwards their xAPI statements.
//
// The lesson page stays light: the H5P player (h5p-standalone) is fetched
// only when the learner presses "Commencer". Statements go into a queue kept
// in localStorage and are sent in order, in batches; a statement keeps its id
// across retries, so the server accepts a re-send once and never twice.
(function () {
  "use strict";

  const ENDPOINT = "/xapi/statements";
  const BATCH = 50;
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

  const queue = {
    key: null,
    items: [],
    sending: false,
    timer: null,
    init(mail) {
      this.key = "virage-xapi-" + mail;
      try {
        this.items = JSON.parse(localStorage.getItem(this.key) || "[]");
      } catch (e) {
        this.items = [];
      }
      window.addEventListener("online", () => this.flush());
      this.flush();
    },
    save() {
      try {
        localStorage.setItem(this.key, JSON.stringify(this.items));
      } catch (e) {
        /* storage full or disabled: the queue lives in memory only */
      }
    },
    push(statement) {
      statement.id = statement.id || uuid();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      this.items.push(statement);
      this.save();
      this.flush();
    },
    retryLater() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), 15000);
    },
    async send(batch) {
      const response = await fetch(ENDPOINT, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-Experience-API-Version": "1.0.3",
          "X-CSRFToken": csrf,
        },
        body: JSON.stringify(batch),
      });
      return response.status;
    },
    async flush() {
      if (this.sending || !this.items.length || !this.key) return;
      this.sending = true;
      try {
        while (this.items.length) {
          const batch = this.items.slice(0, BATCH);
          const status = await this.send(batch);
          if (status === 400 && batch.length > 1) {
            // One bad statement refuses the batch: send them one by one.
            for (const one of batch) {
              const single = await this.send([one]);
              if (single >= 500 || single === 401 || single === 0) throw new Error(single);
              this.items.shift();
            }
          } else if (status >= 500 || status === 401 || status === 0) {
            throw new Error(status);
          } else {
            this.items.splice(0, batch.length); // stored, or refused for good
          }
          this.save();
        }
      } catch (error) {
        this.retryLater();
      } finally {
        this.sending = false;
      }
    },
  };

  function loadPlayer() {
    if (!playerScript) {
      playerScript = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = PLAYER_URL;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
    }
    return playerScript;
  }

  const PLAYER_URL = (function () {
    const me = document.querySelector('script[src*="courses/h5p-player"]');
    return me.src.replace(/courses\/h5p-player\.js.*$/, "vendor/h5p-standalone/dist/main.bundle.js");
  })();

  let listening = false;
  function listen() {
    if (listening || !window.H5P || !H5P.externalDispatcher) return;
    listening = true;
    H5P.externalDispatcher.on("xAPI", (event) => {
      const statement = event.data && event.data.statement;
      if (statement) queue.push(JSON.parse(JSON.stringify(statement)));
    });
  }

  // H5P saves its state every few seconds, and on unload with a synchronous
  // request that browsers now refuse: a beacon carries the last state instead.
  const opened = [];
  function saveStates() {
    for (const { container, options } of opened) {
      const frame = container.querySelector("iframe");
      const h5p = frame ? frame.contentWindow.H5P : window.H5P;
      if (!h5p || !options.ajax) continue;
      for (const instance of h5p.instances || []) {
        if (typeof instance.getCurrentState !== "function") continue;
        const state = instance.getCurrentState();
        if (state === undefined) continue;
        const url = options.ajax.contentUserDataUrl
          .replace(":dataType", "state")
          .replace(":subContentId", "0");
        const body = new FormData();
        body.append("data", JSON.stringify(state));
        body.append("preload", "1");
        body.append("invalidate", "1");
        navigator.sendBeacon(url, body);
      }
    }
  }
  window.addEventListener("pagehide", saveStates);

  async function open(figure, button) {
    const options = JSON.parse(document.getElementById(figure.dataset.h5pPlayer).textContent);
    const container = figure.querySelector(".h5p-container");
    button.disabled = true;
    button.textContent = document.documentElement.lang.startsWith("en") ? "Loading…" : "Chargement…";
    if (options.user) queue.init(options.user.mail);
    await loadPlayer();
    container.hidden = false;
    await new H5PStandalone.H5P(container, options);
    opened.push({ container, options });
    listen();
    figure.querySelector(".h5p-launch").hidden = true;
    figure.classList.add("h5p-open");
  }

  document.querySelectorAll("[data-h5p-player]").forEach((figure) => {
    const button = figure.querySelector("[data-h5p-open]");
    button.addEventListener("click", () => open(figure, button));
    const options = JSON.parse(document.getElementById(figure.dataset.h5pPlayer).textContent);
    if (options.user && !queue.key) queue.init(options.user.mail);
  });
})();
