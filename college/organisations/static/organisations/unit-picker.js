// Unit picker: turns the plain <select> of units into a search-as-you-type box.
// Progressive enhancement: without this file the select works as it is. The select stays
// in the form (hidden) and carries the chosen unit's code, so the server sees one field.
(function () {
  "use strict";

  var DELAY_MS = 200;
  var counter = 0;

  function text(template, count) {
    return template.replace("%(count)s", String(count));
  }

  function enhance(root) {
    var select = root.querySelector("select");
    if (!select || root.hasAttribute("data-enhanced")) return;
    root.setAttribute("data-enhanced", "");
    counter += 1;
    var id = (select.id || "unit-picker-" + counter) + "_search";
    var listId = id + "_list";
    var statusId = id + "_status";

    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.className = "unit-picker__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-describedby", statusId);
    input.setAttribute("autocomplete", "off");
    input.placeholder = root.dataset.placeholder || "";
    if (select.required) input.required = true;
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.value) input.value = chosen.textContent.replace(/^(— )+/, "");

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "unit-picker__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;

    var status = document.createElement("p");
    status.id = statusId;
    status.className = "unit-picker__status";
    status.setAttribute("aria-live", "polite");
    status.textContent = root.dataset.hint || "";

    // The visible label now names the search box; the select is kept for the form only.
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label) label.htmlFor = id;
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    root.insertBefore(input, select);
    root.insertBefore(list, select);
    root.insertBefore(status, select);

    var results = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = list.querySelectorAll("[role=option]");
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var unit = results[index];
      if (!unit) return;
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === unit.code; });
      if (!option) {
        option = new Option(unit.label, unit.code);
        select.add(option);
      }
      select.value = unit.code;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      input.value = unit.label;
      status.textContent = unit.parents_label ? unit.label + " · " + unit.parents_label : unit.label;
      close();
    }

    function render(units) {
      results = units;
      list.innerHTML = "";
      units.forEach(function (unit, i) {
        var item = document.createElement("li");
        item.id = listId + "_" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.code = unit.code;
        var name = document.createElement("span");
        name.className = "unit-picker__name";
        name.textContent = unit.label;
        item.appendChild(name);
        if (unit.parents_label) {
          var parents = document.createElement("span");
          parents.className = "unit-picker__parents";
          parents.textContent = unit.parents_label;
          item.appendChild(parents);
        }
        // mousedown, not click: it comes before the input's blur closes the list.
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(item);
      });
      list.hidden = units.length === 0;
      input.setAttribute("aria-expanded", units.length ? "true" : "false");
      status.textContent = units.length ? text(root.dataset.results || "", units.length) : root.dataset.noResults || "";
      active = -1;
    }

    function search() {
      var query = input.value.trim();
      if (!query) {
        render([]);
        status.textContent = root.dataset.hint || "";
        return;
      }
      var seq = ++latest;
      var url = root.dataset.apiUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json", "X-Language": document.documentElement.lang || "zh-hans" } })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (body) {
          if (seq === latest) render(body.results || []);
        })
        .catch(function () {
          if (seq !== latest) return;
          // Fall back to the plain select, which holds every active unit.
          render([]);
          status.textContent = root.dataset.failed || "";
          select.hidden = false;
          select.removeAttribute("aria-hidden");
          select.tabIndex = 0;
        });
    }

    input.addEventListener("input", function () {
      // Typing changes the choice: the unit is set again only when a suggestion is picked.
      if (select.value) {
        select.value = "";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var count = results.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight((active - 1 + count) % count);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function enhanceAll() {
    document.querySelectorAll("[data-unit-picker]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
