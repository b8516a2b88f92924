// A select marked data-narrows="mrc" (the region) reloads the filters when it
// changes, so that the server offers only its MRCs; the form works without it.
(function () {
  document.querySelectorAll("select[data-narrows]").forEach(function (select) {
    select.addEventListener("change", function () {
      const form = select.form;
      const narrowed = form.elements[select.dataset.narrows];
      if (narrowed) narrowed.value = "";
      form.requestSubmit();
    });
  });
})();
