// Follows a bulk-enrolment import: polls its JSON status every second, moves
// the <progress> bar and the text, and reloads the page once the import is
// done so that the server shows the counts and the report. Without
// JavaScript, a <noscript> meta refresh and a link do the same.
(function () {
  "use strict";
  const box = document.querySelector("[data-import-progress]");
  if (!box || box.hasAttribute("data-finished")) {
    return;
  }
  const bar = box.querySelector("[data-import-bar]");
  const text = box.querySelector("[data-import-text]");

  function show(status) {
    bar.max = Math.max(status.total, 1);
    bar.value = status.processed;
    bar.textContent = status.processed + " / " + status.total;
    text.textContent = status.text;
  }

  function poll() {
    fetch(box.dataset.statusUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
