// Records list: tick every record on the page at once, count the ticked ones, show the fields the chosen
// bulk action needs, and apply the "decisions at" choice at once. The page works without this file.
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  var at = document.getElementById("at-form");
  var fold = document.getElementById("facets-fold");
  // On a phone the facets start folded (one tap opens them), so the list is on the first screen.
  if (fold && window.matchMedia("(max-width: 56rem)").matches && !window.location.search.match(/[?&](mine|final|stage|label|reason|dup)=/)) {
    fold.open = false;
  }
  if (at) {
    at.querySelector(".at-apply").hidden = true;
    at.querySelector("select").addEventListener("change", function () { at.submit(); });
  }
  if (!form) { return; }
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=record_id][form=bulk-form]"));
  var pickPage = document.getElementById("pick-page");
  var count = document.getElementById("bulk-selected");
  var action = document.getElementById("bulk-action");

  function update() {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    count.textContent = String(ticked);
    if (pickPage) {
      pickPage.checked = ticked > 0 && ticked === boxes.length;
      pickPage.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    if (ticked) { form.querySelector("input[name=scope][value=selected]").checked = true; }
  }

  function showFields() {
    form.querySelectorAll("[data-for]").forEach(function (node) {
      var wanted = node.getAttribute("data-for").split(" ").indexOf(action.value) >= 0;
      node.hidden = !wanted;
      node.querySelectorAll("input:not([type=checkbox])").forEach(function (input) { input.required = wanted; });
    });
  }

  if (pickPage) {
    pickPage.hidden = false;
    pickPage.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = pickPage.checked; });
      update();
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  action.addEventListener("change", showFields);
  showFields();
  update();
})();
