// Progressive enhancement of the exhibition timeline: a "jump to year" field.
// The timeline itself is plain HTML (ordered lists and era links) and works
// without this script; the field is only added when JavaScript runs.
(function () {
  "use strict";
  var timeline = document.querySelector(".timeline");
  var holder = document.querySelector("[data-timeline-jump]");
  if (!timeline || !holder) return;
  var entries = Array.prototype.slice.call(timeline.querySelectorAll(".timeline__entry"));
  if (!entries.length) return;
  var years = entries.map(function (entry) {
    var time = entry.querySelector("time");
    return time ? parseInt(time.getAttribute("datetime"), 10) : NaN;
  });
  var form = document.createElement("form");
  form.className = "timeline-year";
  var id = "timeline-year-input";
  form.innerHTML =
    '<label for="' + id + '">' + holder.dataset.label + "</label>" +
    '<input id="' + id + '" type="number" inputmode="numeric" min="' + Math.min.apply(null, years.filter(isFinite)) +
    '" max="' + Math.max.apply(null, years.filter(isFinite)) + '" required> ' +
    '<button type="submit" class="button--secondary button">' + holder.dataset.button + "</button>" +
    '<p class="timeline-year__status" role="status" aria-live="polite"></p>';
  holder.appendChild(form);
  var status = form.querySelector("[role=status]");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var wanted = parseInt(form.querySelector("input").value, 10);
    var index = years.findIndex(function (year) { return year >= wanted; });
    if (index === -1) index = entries.length - 1;
    var target = entries[index];
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.focus({ preventScroll: true });
    status.textContent = target.textContent.replace(/\s+/g, " ").trim();
  });
})();
