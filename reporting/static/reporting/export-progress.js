// Polls an export job until its file is ready; the page works without it.
(function () {
  const box = document.querySelector("[data-export-job]");
  if (!box || box.hasAttribute("data-finished")) return;
  const bar = box.querySelector("[data-export-bar]");
  const text = box.querySelector("[data-export-text]");
  const download = box.querySelector("[data-export-download]");
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      const status = await response.json();
      bar.value = status.percent;
      text.textContent = status.text;
      if (status.status === "done") download.hidden = false;
      if (!status.finished) setTimeout(poll, 1500);
    } catch (error) {
      setTimeout(poll, 5000);
    }
  }
  setTimeout(poll, 1000);
})();
