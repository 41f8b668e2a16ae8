// Progressive enhancement of the visit request form: count the roster names
// against the group size as the leader types.  The server checks it anyway.
(function () {
  "use strict";
  var size = document.getElementById("id_group_size");
  var roster = document.getElementById("id_roster");
  if (!size || !roster) return;
  var note = document.createElement("p");
  note.className = "roster-count";
  note.setAttribute("aria-live", "polite");
  roster.insertAdjacentElement("afterend", note);
  var template = document.documentElement.lang === "en" ? "{names} names for a group of {size}" : "已填写 {names} 人，团组人数 {size} 人";
  function update() {
    var names = roster.value.split(/[\r\n,，、;；]+/).filter(function (n) { return n.trim(); }).length;
    var people = parseInt(size.value, 10) || 0;
    note.textContent = names || people ? template.replace("{names}", names).replace("{size}", people) : "";
    note.classList.toggle("roster-count--mismatch", names !== people && names > 0);
  }
  size.addEventListener("input", update);
  roster.addEventListener("input", update);
  update();
})();
