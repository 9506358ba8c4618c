// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // A form with data-confirm asks before it is sent.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();
