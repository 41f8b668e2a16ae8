// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Mark the document so that CSS can tell JavaScript is available.
  document.documentElement.classList.add("js");
  // Disable submit buttons once a form is sent so that a double click does
  // not submit twice (the server is idempotent as well; this saves a trip).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-allow-resubmit")) return;
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
        b.disabled = true;
        b.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });
})();
