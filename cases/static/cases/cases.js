// On phones the facet lists start folded (except those in use), so results come into view.
(function () {
  if (!window.matchMedia || !window.matchMedia("(max-width: 52rem)").matches) return;
  document.querySelectorAll(".case-facet[open]").forEach(function (group) {
    if (!group.hasAttribute("data-selected")) group.removeAttribute("open");
  });
})();
