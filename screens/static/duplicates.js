// Keyboard decisions on the duplicates page: S same, D different, K skip. Without it the buttons work.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") { return; }
    var target = document.querySelector('#pair [data-key="' + event.key.toLowerCase() + '"]');
    if (target) { event.preventDefault(); target.click(); }
  });
})();
// While duplicate detection runs in the background, look again every few seconds (the page also has a link).
(function () {
  "use strict";
  var running = document.getElementById("dedupe-running");
  if (!running) { return; }
  var every = parseInt(running.getAttribute("data-poll"), 10) || 2000;
  window.setTimeout(function () { window.location.replace(window.location.pathname); }, every);
})();
