// After a form comes back with errors, move focus to the first one: the first
// field marked aria-invalid="true" or an error summary ([data-error-summary]),
// whichever comes first in <main>. A field hidden by a script's widget (the
// municipality combobox) hands over to the visible control of its .field,
// which also gets its invalid state and error description.
(function () {
  "use strict";

  function visible(element) {
    return !element.hidden && element.getClientRects().length > 0;
  }

  function visibleControl(field) {
    const container = field.closest(".field");
    if (!container) return null;
    const controls = container.querySelectorAll(
      "input:not([type=hidden]), select, textarea, button"
    );
    return Array.prototype.find.call(controls, visible) || null;
  }

  function target(first) {
    if (first.hasAttribute("data-error-summary")) {
      if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
      return first;
    }
    if (visible(first)) return first;
    const control = visibleControl(first);
    if (control) {
      control.setAttribute("aria-invalid", "true");
      const errors = first.getAttribute("aria-describedby");
      if (errors) {
        const own = control.getAttribute("aria-describedby");
        control.setAttribute("aria-describedby", own ? own + " " + errors : errors);
      }
    }
    return control;
  }

  function focusFirstError() {
    const first = document.querySelector(
      'main [aria-invalid="true"], main [data-error-summary]'
    );
    if (!first) return;
    const element = target(first);
    if (element) element.focus();
  }

  if (document.readyState === "loading") {
    // After every deferred script, so widgets are in place.
    document.addEventListener("DOMContentLoaded", focusFirstError);
  } else {
    focusFirstError();
  }
})();
