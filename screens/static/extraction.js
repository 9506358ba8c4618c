// Extraction comparison: "take A's value" fills the agreed field in place (without JavaScript the button
// saves that value at once); the page works without this file.
(function () {
  "use strict";
  var form = document.getElementById("agree-form");
  if (!form) { return; }

  function put(targetId, raw) {
    var target = document.getElementById(targetId);
    var value = JSON.parse(raw);
    if (!target) { return false; }
    if (target.tagName === "FIELDSET") {
      var wanted = Array.isArray(value) ? value : [value];
      target.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    } else {
      target.value = Array.isArray(value) ? value.join("; ") : (value === null ? "" : String(value));
    }
    target.classList.add("taken");
    return true;
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button.take, button.take-all");
    if (!button) { return; }
    if (button.classList.contains("take")) {
      if (put(button.getAttribute("data-target"), button.getAttribute("data-raw"))) { event.preventDefault(); }
      return;
    }
    var rid = button.getAttribute("data-take-all");
    form.querySelectorAll("button.take").forEach(function (take) {
      if (take.value.split("|")[0] === rid) { put(take.getAttribute("data-target"), take.getAttribute("data-raw")); }
    });
    event.preventDefault();
  });
})();
