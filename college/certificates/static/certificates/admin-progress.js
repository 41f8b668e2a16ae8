// Polls the bulk-issue progress endpoint and updates the progress bar until nothing is pending.
(function () {
  "use strict";
  const root = document.querySelector("[data-batch-progress]");
  if (!root) return;
  const bar = root.querySelector("progress");
  const finished = root.querySelector("[data-finished]");
  function update(data) {
    bar.value = data.percent;
    bar.textContent = data.percent + "%";
    ["percent", "issued", "pending", "failed", "total"].forEach(function (name) {
      const field = root.querySelector('[data-field="' + name + '"]');
      if (field) field.textContent = data[name];
    });
    finished.hidden = !data.finished;
    return data.finished;
  }
  function poll() {
    fetch(root.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && update(data)) return;
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
