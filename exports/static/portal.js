/* The portal without JavaScript is complete; this adds a print button and filtering as you type. */
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var box = document.getElementById("filter"), input = document.getElementById("filter-input");
  if (!box || !input) { return; }
  var items = document.querySelectorAll(".summaries li"), count = document.getElementById("count");
  var label = count.getAttribute("data-label"), labelOne = count.getAttribute("data-label-one") || label;
  box.hidden = false;
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    items.forEach(function (li) {
      var text = li.getAttribute("data-text");
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      li.hidden = !hit;
      if (hit) { shown++; }
    });
    count.textContent = (shown === 1 ? labelOne : label).replace("{n}", shown);
  });
})();
