// Polls a bulk certificate job and updates its progress bar until it ends.
(function () {
  "use strict";
  const root = document.querySelector("[data-batch-progress]");
  if (!root) return;
  const bar = root.querySelector("progress");
  const url = root.dataset.statusUrl;

  function show(state) {
    bar.value = state.percent;
    bar.textContent = state.percent + " %";
    for (const field of root.querySelectorAll("[data-field]")) {
      field.textContent = state[field.dataset.field];
    }
  }

  async function poll() {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const state = await response.json();
      show(state);
      if (!state.finished) window.setTimeout(poll, 1000);
    } catch (error) {
      window.setTimeout(poll, 5000);
    }
  }

  poll();
})();
