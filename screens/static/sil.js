// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // A form with data-confirm asks before it is sent.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
  // Where the project's tabs are a strip that scrolls sideways (phones, tablets), the current tab is in view.
  var tabs = document.querySelector(".tabs"), current = tabs && tabs.querySelector("[aria-current=page]");
  if (tabs && current && tabs.scrollWidth > tabs.clientWidth) {
    tabs.scrollLeft = current.offsetLeft - tabs.offsetLeft - (tabs.clientWidth - current.offsetWidth) / 2;
  }
})();
