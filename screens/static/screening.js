// Keyboard-first screening: I/E/M decide, 1-9 pick a reason, U undo, N note, C criteria, ? keys.
// The page works without this file (plain forms); with it the next record is fetched ahead and a
// title/abstract decision shows the next record without a page load.
(function () {
  "use strict";
  var form = document.getElementById("decide-form");
  var undoForm = document.getElementById("undo-form");
  var keys = document.getElementById("keys");
  var criteria = document.getElementById("criteria");
  var errorBox = document.getElementById("screen-error");
  var prefetched, prefetching = null, busy = false;

  function csrf() { return form.querySelector("input[name=csrf_token]").value; }
  function currentId() { return document.getElementById("record-id").value; }
  function showError(message) { errorBox.textContent = message; errorBox.hidden = !message; }

  function fill(node, segments) {
    node.textContent = "";
    segments.forEach(function (seg) {
      if (seg[1]) {
        var mark = document.createElement("mark");
        mark.className = seg[1];
        mark.textContent = seg[0];
        node.appendChild(mark);
      } else {
        node.appendChild(document.createTextNode(seg[0]));
      }
    });
  }

  function show(record) {
    var article = document.getElementById("record");
    article.setAttribute("data-record", record.id);
    fill(document.getElementById("rec-title"), record.title_marked);
    fill(document.getElementById("rec-abstract"), record.abstract_marked);
    document.getElementById("rec-journal").textContent = record.journal ? record.journal + " · " : "";
    document.getElementById("rec-year").textContent = record.year || "";
    document.getElementById("rec-authors").textContent = record.authors.join("; ");
    var kw = document.getElementById("rec-keywords");
    kw.textContent = "";
    record.keywords_marked.forEach(function (segs) {
      var span = document.createElement("span");
      span.className = "kw";
      fill(span, segs);
      kw.appendChild(span);
    });
    document.getElementById("record-id").value = record.id;
    document.getElementById("note").value = "";
    document.getElementById("labels").value = "";
    window.scrollTo(0, 0);
  }

  function prefetch() {
    var url = form.getAttribute("data-next") + "?skip=" + encodeURIComponent(currentId());
    prefetched = undefined;
    prefetching = fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { prefetched = data ? data.record : undefined; return prefetched; })
      .catch(function () { prefetched = undefined; });
    return prefetching;
  }

  function goNext() {
    (prefetching || Promise.resolve()).then(function () {
      if (prefetched) {
        show(prefetched);
        prefetch();
      } else {
        window.location.assign(window.location.pathname + (document.getElementById("record").getAttribute("data-hide") === "1" ? "?hide=1" : ""));
      }
    });
  }

  function decideFast(decision) {
    if (busy) { return; }
    busy = true;
    var body = new URLSearchParams(new FormData(form));
    body.set("decision", decision);
    fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf() }
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    }).then(function (result) {
      busy = false;
      if (result.data.ok) {
        document.getElementById("mine-count").textContent = result.data.mine;
        showError("");
        goNext();
      } else {
        showError(result.data.error);
        if (result.status === 409) { goNext(); }
      }
    }).catch(function () { busy = false; form.submit(); });
  }

  function decide(decision) {
    if (!form) { return; }
    var button = document.getElementById("btn-" + decision);
    if (!button) { return; }
    var stage = form.getAttribute("data-stage");
    if (stage === "2" && decision === "exclude" && !form.querySelector("input[name=reason_id]:checked")) {
      showError(document.getElementById("reasons").querySelector("legend").textContent + "?");
      return;
    }
    if (stage === "1" && !document.getElementById("change-reason")) {
      decideFast(decision);
    } else {
      form.requestSubmit(button);
    }
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (form.getAttribute("data-stage") === "1" && !document.getElementById("change-reason") && submitter) {
        event.preventDefault();
        decideFast(submitter.value);
      }
    });
    prefetch();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "input" || tag === "select") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key.toLowerCase();
    if (key === "?") { keys.classList.toggle("shown"); event.preventDefault(); return; }
    if (key === "c" && criteria) { criteria.open = !criteria.open; return; }
    if (key === "u" && undoForm) { event.preventDefault(); undoForm.submit(); return; }
    if (!form) { return; }
    if (key === "i") { decide("include"); }
    else if (key === "e") { decide("exclude"); }
    else if (key === "m") { decide("maybe"); }
    else if (key === "n") { event.preventDefault(); document.getElementById("note").focus(); }
    else if (/^[1-9]$/.test(key)) {
      var radio = form.querySelector("input[name=reason_id][data-key='" + key + "']");
      if (radio) { radio.checked = true; radio.focus(); radio.blur(); }
    }
  });
})();
