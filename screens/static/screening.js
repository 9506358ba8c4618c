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

  function keywordSpan(segs) {
    var span = document.createElement("span");
    span.className = "kw";
    fill(span, segs);
    return span;
  }

  function fillKeywords(keywords) {
    var box = document.getElementById("rec-keywords");
    var lists = box.querySelectorAll(".kwlist");
    var shown = parseInt(box.getAttribute("data-shown"), 10) || 12;
    var more = document.getElementById("kw-more");
    lists[0].textContent = "";
    lists[1].textContent = "";
    keywords.forEach(function (segs, i) {
      var list = i < shown ? lists[0] : lists[1];
      list.appendChild(keywordSpan(segs));
      list.appendChild(document.createTextNode(" "));
    });
    box.hidden = keywords.length === 0;
    more.hidden = keywords.length <= shown;
    more.open = false;
    var label = document.getElementById("kw-more-label");
    label.textContent = label.textContent.replace(/\d+/, String(Math.max(0, keywords.length - shown)));
  }

  function fillAbstract(sections) {
    var box = document.getElementById("rec-abstract");
    box.textContent = "";
    sections.forEach(function (section) {
      var p = document.createElement("p");
      var body = document.createElement("span");
      fill(body, section.marked);
      if (section.label) {
        var strong = document.createElement("strong");
        strong.className = "abs-label";
        strong.textContent = section.label;
        p.appendChild(strong);
        p.appendChild(document.createTextNode(" "));
      }
      while (body.firstChild) { p.appendChild(body.firstChild); }
      box.appendChild(p);
    });
  }

  // Every link that names the record on screen follows it to the next one.
  function pointLinksAt(id) {
    document.querySelectorAll("a[data-record-link]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("record", id);
      link.href = url.pathname + url.search + url.hash;
    });
    var here = new URL(window.location.href);
    if (here.searchParams.has("record")) {
      here.searchParams.set("record", id);
      window.history.replaceState(null, "", here.pathname + here.search);
    }
  }

  function show(record) {
    var article = document.getElementById("record");
    article.setAttribute("data-record", record.id);
    fill(document.getElementById("rec-title"), record.title_marked);
    fillAbstract(record.abstract_sections);
    document.getElementById("rec-journal").textContent = record.journal ? record.journal + " · " : "";
    document.getElementById("rec-year").textContent = record.year || "";
    document.getElementById("rec-authors").textContent = record.authors.join("; ");
    fillKeywords(record.keywords_marked);
    document.getElementById("record-id").value = record.id;
    document.getElementById("note").value = "";
    document.getElementById("labels").value = "";
    pointLinksAt(record.id);
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
        var team = document.getElementById("team-count");
        if (typeof result.data.complete === "number") {
          team.textContent = team.getAttribute("data-template").replace("{done}", String(result.data.complete));
        }
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
    var reason = document.getElementById("reason-id");
    if (stage === "2" && decision === "exclude" && reason && !reason.value) {
      showError(document.getElementById("reasons").querySelector("label").textContent.replace(/[\s1–9]+$/, "") + "?");
      reason.focus();
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

  // The list of keys is a modal dialog: focus stays in it and Escape closes it (without JavaScript the
  // link jumps to the same list shown in the page).
  function toggleKeys() {
    if (!keys || !keys.showModal) { return; }
    if (keys.open) { keys.close(); } else { keys.showModal(); document.getElementById("keys-close").focus(); }
  }
  var keysLink = document.getElementById("keys-link");
  if (keysLink) {
    keysLink.addEventListener("click", function (event) { event.preventDefault(); toggleKeys(); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (keys && keys.open) {
      if (event.key === "?") { event.preventDefault(); keys.close(); }
      return;
    }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "input" || tag === "select") {
      if (event.key === "Escape") { event.target.blur(); }
      if (tag !== "select" || !/^[1-9iemu?]$/i.test(event.key)) { return; }
    }
    var key = event.key.toLowerCase();
    if (key === "?") { event.preventDefault(); toggleKeys(); return; }
    if (key === "c" && criteria) { criteria.open = !criteria.open; return; }
    if (key === "u" && undoForm) { event.preventDefault(); undoForm.submit(); return; }
    if (!form) { return; }
    if (key === "i") { event.preventDefault(); decide("include"); }
    else if (key === "e") { event.preventDefault(); decide("exclude"); }
    else if (key === "m") { event.preventDefault(); decide("maybe"); }
    else if (key === "n") { event.preventDefault(); document.getElementById("note").focus(); }
    else if (/^[1-9]$/.test(key)) {
      var option = document.querySelector("#reason-id option[data-key='" + key + "']");
      if (option) { event.preventDefault(); option.selected = true; showError(""); }
    }
  });
})();
