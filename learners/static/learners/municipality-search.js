// Turns the municipality <select> into a search-as-you-type combobox.
// The server folds accents, case and hyphens ("saint elzear" finds
// "Saint-Elzéar"); the <select> stays in the form and carries the value.
(function () {
  "use strict";
  const lang = document.documentElement.lang || "fr-ca";
  const texts = lang.startsWith("en")
    ? { none: "No municipality found.", hint: "Type at least 2 letters of your municipality's name." }
    : { none: "Aucune municipalité trouvée.", hint: "Tapez au moins 2 lettres du nom de votre municipalité." };

  function enhance(select) {
    const url = select.dataset.municipalitySearch;
    const wrapper = document.createElement("div");
    wrapper.className = "combobox";
    const input = document.createElement("input");
    const list = document.createElement("ul");
    const listId = select.id + "_listbox";
    input.type = "text";
    input.id = select.id + "_search";
    input.autocomplete = "off";
    input.name = select.name + "_search";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-describedby", select.id + "_hint");
    list.id = listId;
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    const hint = document.createElement("div");
    hint.id = select.id + "_hint";
    hint.className = "helptext";
    hint.textContent = texts.hint;
    const selected = select.options[select.selectedIndex];
    if (select.value && selected) input.value = selected.text;
    else if (select.dataset.typed) input.value = select.dataset.typed;

    const label = document.querySelector('label[for="' + select.id + '"]');
    if (label) label.htmlFor = input.id;
    select.hidden = true;
    select.tabIndex = -1;
    select.parentNode.insertBefore(wrapper, select);
    wrapper.append(input, list, hint, select);

    let results = [];
    let active = -1;
    let timer = null;
    let controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      const item = results[index];
      if (!item) return;
      let option = Array.from(select.options).find((o) => o.value === item.code);
      if (!option) {
        option = new Option(item.label, item.code);
        select.add(option);
      }
      select.value = item.code;
      input.value = item.label;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }

    function highlight(index) {
      const items = list.querySelectorAll("[role=option]");
      items.forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      }
    }

    function render() {
      list.replaceChildren();
      if (!results.length) {
        const li = document.createElement("li");
        li.className = "combobox-empty";
        li.textContent = texts.none;
        list.append(li);
      }
      results.forEach((item, index) => {
        const li = document.createElement("li");
        li.id = listId + "_" + index;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.label;
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(index);
        });
        list.append(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    async function search(query) {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(url + "?q=" + encodeURIComponent(query), {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        results = (await response.json()).results;
        render();
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }

    input.addEventListener("input", () => {
      select.value = "";
      clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < 2) {
        close();
        return;
      }
      timer = setTimeout(() => search(query), 150);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(Math.min(active + 1, results.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  document.querySelectorAll("select[data-municipality-search]").forEach(enhance);
})();
