// Plays SCORM blocks of a lesson and records what their SCOs commit.
//
// A SCO is third-party code: it runs in a sandboxed iframe on the player's
// own origin, which holds no session (courses/scorm/views.py). This page
// keeps the learner's session: opening a SCO opens a launch on the server,
// and each commit relayed by the frame is posted from here under that
// launch. Messages are accepted only from the frame, on the player's origin.
// Commits waiting to be sent (offline, server down) stay in localStorage and
// are sent again in order; a re-sent commit changes nothing on the server.
(function () {
  "use strict";

  if (window.viragePlayScorm) return;
  window.viragePlayScorm = true;

  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
  const english = document.documentElement.lang.startsWith("en");
  const MAX_QUEUE = 200;
  const players = new Map(); // frame window -> player
  const LABELS = english
    ? { "not attempted": "Not started", incomplete: "In progress", completed: "Completed",
        passed: "Passed", failed: "Failed", loading: "Loading…",
        failure: "The content could not be opened." }
    : { "not attempted": "Non commencé", incomplete: "En cours", completed: "Terminé",
        passed: "Réussi", failed: "Échoué", loading: "Chargement…",
        failure: "Le contenu n'a pas pu être ouvert." };

  const queue = {
    key: null,
    items: [],
    sending: false,
    timer: null,
    init(mail) {
      this.key = "virage-scorm-" + mail;
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
        if (this.key) localStorage.setItem(this.key, JSON.stringify(this.items));
      } catch (e) {
        /* storage full or disabled: the queue lives in memory only */
      }
    },
    push(commit) {
      if (this.items.length >= MAX_QUEUE) this.items.shift();
      this.items.push(commit);
      this.save();
      this.flush();
    },
    async flush() {
      if (this.sending || !this.items.length) return;
      this.sending = true;
      try {
        while (this.items.length) {
          const item = this.items[0];
          const response = await post(item.url, item.body);
          if (response.status >= 500 || response.status === 401) throw new Error();
          this.items.shift();
          this.save();
          answered(item, response);
        }
      } catch (error) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), 15000);
      } finally {
        this.sending = false;
      }
    },
  };

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  }

  async function answered(item, response) {
    const data = await response.json().catch(() => ({}));
    const player = [...players.values()].find((p) => p.launch === item.body.launch);
    if (!player) return;
    if (response.status === 400 && data.scorm_error) {
      player.frame.contentWindow.postMessage(
        { type: "virage:scorm-refused", scormError: data.scorm_error },
        player.origin,
      );
    } else if (response.ok) {
      showStatus(player.figure, player.sco, data);
    }
  }

  function showStatus(figure, sco, data) {
    const success = data.success_status;
    const key = success === "passed" || success === "failed" ? success : data.completion_status;
    const item = figure.querySelector(`[data-scorm-sco="${sco.id}"] .scorm-status`);
    if (item && LABELS[key]) item.textContent = LABELS[key];
    sco.completion = data.completion_status;
  }

  // Leaving the page: commits still waiting go in beacons, which outlive it.
  window.addEventListener("pagehide", () => {
    for (const item of queue.items) {
      const form = new FormData();
      form.append("payload", JSON.stringify(item.body));
      form.append("csrfmiddlewaretoken", csrf);
      navigator.sendBeacon(item.url, form);
    }
  });

  window.addEventListener("message", (event) => {
    const player = players.get(event.source);
    if (!player || event.origin !== player.origin) return;
    const data = event.data || {};
    if (data.type === "virage:scorm-ready") {
      event.source.postMessage(
        { type: "virage:scorm-init", cmi: player.cmi, sequence: player.sequence },
        player.origin,
      );
    } else if (data.type === "virage:scorm-commit" && player.launch) {
      if (!Number.isInteger(data.sequence) || typeof data.cmi !== "object") return;
      queue.push({
        url: player.options.commitUrl,
        body: { launch: player.launch, sequence: data.sequence, cmi: data.cmi },
      });
    }
  });

  async function launch(options, sco) {
    const request = options.preview
      ? { preview: true, sco: sco.id }
      : { lesson: options.lesson, block: options.block, sco: sco.id };
    const response = await post(options.launchUrl, request);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  async function open(figure, options, index) {
    const sco = options.scos[index];
    const alert = figure.querySelector(".scorm-error");
    alert.hidden = true;
    figure.dataset.current = String(index);
    let opened;
    try {
      opened = await launch(options, sco);
    } catch (error) {
      alert.textContent = `${LABELS.failure} ${error.message}`;
      alert.hidden = false;
      return;
    }
    for (const [win, player] of players) if (player.figure === figure) players.delete(win);
    const container = figure.querySelector(".scorm-container");
    const frame = document.createElement("iframe");
    frame.className = "scorm-frame";
    frame.title = `${options.title} — ${sco.title}`;
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
    frame.setAttribute("allow", "fullscreen");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.src = opened.player_url;
    container.replaceChildren(frame);
    container.hidden = false;
    figure.querySelector(".scorm-launch").hidden = true;
    figure.querySelectorAll("[data-scorm-sco]").forEach((li, i) => {
      li.toggleAttribute("aria-current", i === index);
    });
    const nav = figure.querySelector(".scorm-nav");
    if (nav) {
      nav.hidden = false;
      nav.querySelector("[data-scorm-previous]").disabled = index === 0;
      nav.querySelector("[data-scorm-next]").disabled = index === options.scos.length - 1;
    }
    players.set(frame.contentWindow, {
      figure,
      frame,
      options,
      sco,
      origin: new URL(opened.player_url).origin,
      launch: opened.launch,
      sequence: opened.sequence || 0,
      cmi: opened.cmi || {},
    });
  }

  function firstToDo(options) {
    const index = options.scos.findIndex((sco) => sco.completion !== "completed");
    return index === -1 ? 0 : index;
  }

  document.querySelectorAll("[data-scorm-player]").forEach((figure) => {
    const options = JSON.parse(document.getElementById(figure.dataset.scormPlayer).textContent);
    if (options.mail && !queue.key) queue.init(options.mail);
    figure.querySelector("[data-scorm-open]").addEventListener("click", () => {
      open(figure, options, firstToDo(options));
    });
    figure.querySelectorAll("[data-scorm-sco] button").forEach((button, index) => {
      button.addEventListener("click", () => open(figure, options, index));
    });
    const step = (delta) => () => {
      const next = Number(figure.dataset.current || 0) + delta;
      if (next >= 0 && next < options.scos.length) open(figure, options, next);
    };
    figure.querySelector("[data-scorm-previous]")?.addEventListener("click", step(-1));
    figure.querySelector("[data-scorm-next]")?.addEventListener("click", step(1));
  });
})();
