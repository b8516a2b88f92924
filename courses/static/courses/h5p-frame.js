// Runs on the H5P player's origin, inside the lesson's sandboxed iframe.
//
// The H5P libraries loaded here are third-party code: this origin holds no
// session and no site data. The lesson page (the parent) sends the learner's
// name and saved state; this bridge starts the player and hands back every
// xAPI statement, every saved state and the content's height. Messages are
// exchanged only with the parent's origin, checked both ways.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("h5p-bridge").textContent);
  const PARENT = config.parent;
  const container = document.getElementById("h5p-container");
  let started = false;
  let lastState = null;

  function post(message) {
    window.parent.postMessage(message, PARENT);
  }

  function players() {
    const frame = container.querySelector("iframe");
    const inner = frame && frame.contentWindow && frame.contentWindow.H5P;
    return [inner, window.H5P].filter(Boolean);
  }

  function sendState(state) {
    if (typeof state !== "string" || state === lastState) return;
    lastState = state;
    post({ type: "virage:state", state });
  }

  function currentState() {
    for (const h5p of players()) {
      for (const instance of h5p.instances || []) {
        if (typeof instance.getCurrentState !== "function") continue;
        const state = instance.getCurrentState();
        if (state !== undefined) return JSON.stringify(state);
      }
    }
    return null;
  }

  // H5P core saves through its AJAX helper; hand those saves to the parent.
  // The content's own frame gets its H5P core a moment after the player
  // resolves: patch it (and watch the learner's input there) once it exists.
  function capture(h5p) {
    h5p.setUserData = function (contentId, dataId, data) {
      if (dataId === "state" && data !== null && data !== undefined) {
        sendState(typeof data === "string" ? data : JSON.stringify(data));
      }
    };
    h5p.deleteUserData = function () {};
  }

  function captureSaves() {
    capture(window.H5P);
    const timer = setInterval(() => {
      const frame = container.querySelector("iframe");
      const inner = frame ? frame.contentWindow : window; // "div" embed: this page
      const ready = inner && inner.H5P && (inner.H5P.instances || []).length;
      if (!ready) return; // the frame's document is still being written
      clearInterval(timer);
      capture(inner.H5P);
      // A choice made but not yet checked is still worth resuming: report
      // the state after each input, so the parent holds it when the page goes.
      let pending = null;
      const soon = () => {
        clearTimeout(pending);
        pending = setTimeout(() => sendState(currentState()), 300);
      };
      for (const kind of ["click", "change", "keyup", "pointerup"]) {
        inner.document.addEventListener(kind, soon, true);
      }
    }, 100);
    setInterval(() => sendState(currentState()), 10000);
  }

  function watchHeight() {
    let height = 0;
    const report = () => {
      const next = Math.ceil(document.documentElement.scrollHeight);
      if (next !== height) {
        height = next;
        post({ type: "virage:resize", height });
      }
    };
    new ResizeObserver(report).observe(document.body);
    report();
  }

  async function start(data) {
    const options = Object.assign({}, config.options, {
      user: data.user,
      xAPIObjectIRI: data.iri,
    });
    if (data.state) options.contentUserData = [{ state: data.state }];
    // Offline, the content is drawn in this page ("div" embed) rather than
    // in the frame H5P core writes inside it: that frame (about:blank) is not
    // controlled by the player's service worker in Chromium, this page is,
    // so every library file comes from the module's download (docs/offline.md).
    if (!navigator.onLine && navigator.serviceWorker && navigator.serviceWorker.controller) {
      options.embedType = "div";
      document.body.style.fontFamily = "sans-serif"; // as h5p.css sets in its frame
    }
    // h5p-standalone merges an existing H5PIntegration: the content's frame
    // loads the storage fallback before H5P core.
    window.H5PIntegration = { core: { scripts: [config.storageJs], styles: [] } };
    await new H5PStandalone.H5P(container, options);
    captureSaves();
    H5P.externalDispatcher.on("xAPI", (event) => {
      const statement = event.data && event.data.statement;
      if (statement) post({ type: "virage:xapi", statement: JSON.parse(JSON.stringify(statement)) });
      sendState(currentState());
    });
    watchHeight();
    post({ type: "virage:opened" });
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== PARENT || event.source !== window.parent) return;
    const data = event.data || {};
    if (data.type === "virage:init" && !started) {
      started = true;
      start(data).catch(() => post({ type: "virage:failed" }));
    } else if (data.type === "virage:save") {
      sendState(currentState());
    }
  });

  post({ type: "virage:ready" });
})();
