// Every page of a signed-in learner: says when the device is offline (the page then shows what it held at the
// last visit online), sends the results waiting in the outbox when the
// connection returns, and forgets the downloaded modules at sign-out (they
// hold this learner's pages). See docs/offline.md.
(function () {
  "use strict";

  const script = document.currentScript;
  const banner = document.querySelector("[data-offline-banner]");
  const pendingText = banner && banner.querySelector("[data-offline-pending]");
  const owner = script.dataset.owner;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";

  async function showPending() {
    if (!pendingText || !window.VirageOutbox) return;
    const count = (await VirageOutbox.pending(owner)).length;
    pendingText.textContent = count ? script.dataset.pending.replace("%(n)s", count) : "";
  }

  function showState() {
    if (!banner) return;
    banner.hidden = navigator.onLine;
    document.documentElement.classList.toggle("is-offline", !navigator.onLine);
    showPending().catch(() => {});
  }

  async function flush() {
    if (!window.VirageOutbox || !navigator.onLine) return;
    await VirageOutbox.flush(owner, csrf);
    await showPending();
  }

  window.addEventListener("online", () => {
    showState();
    flush().catch(() => {});
  });
  window.addEventListener("offline", showState);
  window.addEventListener("virage:outbox", () => showPending().catch(() => {}));
  showState();
  flush().catch(() => {});

  // The worker is registered when a module is downloaded (module.js), not
  // before: a learner who keeps nothing offline browses as before.

  // Signing out forgets the modules kept on this device (not the outbox: it
  // is sent when this learner signs in again).
  const signOut = document.querySelector("[data-offline-forget]");
  if (signOut && "caches" in window) {
    signOut.addEventListener("submit", async (event) => {
      if (signOut.dataset.forgotten) return;
      event.preventDefault();
      try {
        for (const name of await caches.keys()) {
          if (name.startsWith("virage-")) await caches.delete(name);
        }
        const registration = await navigator.serviceWorker?.getRegistration("/");
        if (registration) await registration.unregister();
        localStorage.removeItem("virage-offline-modules");
      } finally {
        signOut.dataset.forgotten = "1";
        signOut.submit();
      }
    });
  }
})();
