// Keyboard-first screening: I/E/M decide, 1-9 pick a reason, U undo, N note, C criteria, ? keys.
// The page works without this file (plain forms); with it the next record is fetched ahead, and a decision
// or an undo at either stage shows the next (or the undone) record without a page load: the record's text,
// at full text its attachment area, the links that name it, the counters; focus goes to its title and the
// status line says what happened. Changing a decision (a record shown with mine) still posts the form.
(function () {
  "use strict";
  var form = document.getElementById("decide-form");
  var undoForm = document.getElementById("undo-form");
  var keys = document.getElementById("keys");
  var criteria = document.getElementById("criteria");
  var errorBox = document.getElementById("screen-error");
  var statusLine = document.getElementById("screen-status");
  var prefetched, prefetching = null, prefetches = 0, busy = false;

  function csrf() { return form.querySelector("input[name=csrf_token]").value; }
  function currentId() { return document.getElementById("record-id").value; }
  function showError(message) { errorBox.textContent = message; errorBox.hidden = !message; }
  // Without the change form a decision is new and may go by JSON; a change posts the form (it needs a reason).
  function fluent() { return form && document.getElementById("record") && !document.getElementById("change-reason"); }

  function say(name, values) {
    var text = statusLine ? statusLine.getAttribute("data-" + name) || "" : "";
    // a function, so that a title with "$&" or "$'" in it is put in as it is
    Object.keys(values || {}).forEach(function (key) { text = text.replace("{" + key + "}", function () { return values[key]; }); });
    if (statusLine) { statusLine.textContent = text; }
  }

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

  // At full text the attachment area holds every state (PDF, none, not retrieved); the one in force is shown,
  // with the record's file name or reason, and its forms post for the record. The PDF's frame is made anew
  // (a frame that only changed its address would add a step to the browser's history).
  function fillFulltext(fulltext) {
    var area = document.getElementById("fulltext");
    if (!area || !fulltext) { return; }
    area.setAttribute("data-kind", fulltext.kind);
    ["uploaded", "not-retrieved", "none"].forEach(function (kind) {
      document.getElementById("ft-" + kind).hidden = fulltext.kind.replace("_", "-") !== kind;
    });
    var link = document.getElementById("pdf-link");
    link.href = fulltext.pdf;
    document.getElementById("pdf-name").textContent = fulltext.file_name;
    document.getElementById("ft-reason").textContent = fulltext.reason;
    var old = area.querySelector("iframe.pdf");
    if (old) { old.remove(); }
    if (fulltext.kind === "uploaded") {
      var frame = document.createElement("iframe");
      frame.className = "pdf";
      frame.title = fulltext.file_name;
      frame.src = fulltext.pdf;
      link.parentNode.after(frame);
    }
    var upload = document.getElementById("upload-form"), missing = document.getElementById("missing-form");
    upload.reset();
    upload.action = fulltext.upload;
    missing.reset();
    missing.action = fulltext.missing;
    missing.hidden = fulltext.kind === "not_retrieved";
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
    var title = document.getElementById("rec-title");
    article.setAttribute("data-record", record.id);
    fill(title, record.title_marked);
    fillAbstract(record.abstract_sections);
    document.getElementById("rec-journal").textContent = record.journal ? record.journal + " · " : "";
    document.getElementById("rec-year").textContent = record.year || "";
    document.getElementById("rec-authors").textContent = record.authors.join("; ");
    fillKeywords(record.keywords_marked);
    fillFulltext(record.fulltext);
    document.getElementById("record-id").value = record.id;
    document.getElementById("note").value = "";
    document.getElementById("labels").value = "";
    var reason = document.getElementById("reason-id");
    if (reason) { reason.value = ""; }
    pointLinksAt(record.id);
    window.scrollTo(0, 0);
    title.focus({ preventScroll: true });  // a screen reader reads the new record's title; the keys go on working
    shownAt = Date.now();
    shownY = 0;
    moved = false;
  }

  // A PDF viewer may take the focus as it loads (Chromium's does when the file fails to load), and with it
  // the keys, scrolling the page to itself. Focus it takes by itself soon after a record is shown goes back
  // to the title, at the place the reader had; who clicks into the PDF (the pointer is over it) or tabs
  // there keeps it.
  var shownAt = Date.now(), shownY = window.scrollY, moved = false, holdUntil = 0;
  ["keydown", "wheel", "touchstart"].forEach(function (kind) {
    document.addEventListener(kind, function () { moved = true; }, { capture: true, passive: true });
  });
  window.addEventListener("blur", function () {
    window.setTimeout(function () {
      var frame = document.activeElement;
      if (!frame || frame.tagName !== "IFRAME" || !frame.closest("#fulltext")) { return; }
      if (moved || frame.matches(":hover") || Date.now() - shownAt > 10000) { return; }
      document.getElementById("rec-title").focus({ preventScroll: true });
      holdUntil = Date.now() + 500;  // the scroll to the frame may come a moment after the focus
      window.scrollTo(0, shownY);
    }, 0);
  });
  window.addEventListener("scroll", function () {
    if (!moved && Date.now() < holdUntil && window.scrollY !== shownY) { window.scrollTo(0, shownY); }
  });

  // The page's own address for a record, keeping "hide authors and journal".
  function addressOf(id) {
    var hide = document.getElementById("record") && document.getElementById("record").getAttribute("data-hide") === "1";
    var params = new URLSearchParams(hide ? { hide: "1" } : {});
    if (id) { params.set("record", id); }
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function prefetch() {
    var url = form.getAttribute("data-next") + "?skip=" + encodeURIComponent(currentId());
    var ticket = ++prefetches;  // an answer to an older prefetch (before an undo) is not the next record
    prefetched = undefined;
    prefetching = fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (ticket === prefetches) { prefetched = data ? data.record : undefined; } })
      .catch(function () { if (ticket === prefetches) { prefetched = undefined; } });
    return prefetching;
  }

  function goNext() {
    (prefetching || Promise.resolve()).then(function () {
      if (prefetched && prefetched.mine) {  // one of the reviewer's own decisions: the page shows its change form
        window.location.assign(addressOf(prefetched.id));
      } else if (prefetched) {
        show(prefetched);
        prefetch();
      } else {
        window.location.assign(addressOf(null));
      }
    });
  }

  function showCounts(data) {
    document.getElementById("mine-count").textContent = data.mine;
    var team = document.getElementById("team-count");
    if (typeof data.complete === "number") {
      team.textContent = team.getAttribute("data-template").replace("{done}", String(data.complete));
    }
  }

  // POST a form's fields as the page's script does: the session's CSRF token in a header as well, JSON back.
  function post(target, body) {
    return fetch(target.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf() }
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function decidedMessage(decision) {
    var reason = document.getElementById("reason-id");
    var option = reason && reason.value ? reason.options[reason.selectedIndex] : null;
    var title = document.getElementById("rec-title").textContent.trim().replace(/\s+/g, " ");
    if (title.length > 120) { title = title.slice(0, 117) + "…"; }
    if (decision === "exclude" && option) {
      return ["exclude-reason", { title: title, reason: option.getAttribute("data-label") || option.textContent }];
    }
    return [decision, { title: title }];
  }

  function decideFast(decision) {
    if (busy) { return; }
    busy = true;
    var body = new URLSearchParams(new FormData(form));
    body.set("decision", decision);
    var message = decidedMessage(decision);
    post(form, body).then(function (result) {
      busy = false;
      if (result.data.ok) {
        showCounts(result.data);
        showError("");
        say(message[0], message[1]);
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
    var reason = document.getElementById("reason-id");
    if (decision === "exclude" && reason && !reason.value) {  // full text: an exclusion names its reason
      showError(reason.getAttribute("data-needed"));
      reason.focus();
      return;
    }
    if (fluent()) {
      decideFast(decision);
    } else {
      form.requestSubmit(button);
    }
  }

  // Undo brings the reviewer's last decision's record back in place of the one on screen. A record on which a
  // decision of theirs is still in force (they had changed it) is shown by the page itself, with its change form.
  function undo() {
    if (!undoForm) { return; }
    if (!fluent()) { undoForm.submit(); return; }
    if (busy) { return; }
    busy = true;
    post(undoForm, new URLSearchParams(new FormData(undoForm))).then(function (result) {
      busy = false;
      if (!result.data.ok) { showError(result.data.error); return; }
      if (result.data.record.mine) { window.location.assign(addressOf(result.data.record_id)); return; }
      showCounts(result.data);
      showError("");
      show(result.data.record);
      say("undone");
      prefetch();  // the record that was on screen is the next one again, or whatever the queue now gives
    }).catch(function () { busy = false; undoForm.submit(); });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (fluent() && submitter) {
        event.preventDefault();
        decide(submitter.value);
      }
    });
    prefetch();
  }
  if (undoForm) {
    undoForm.addEventListener("submit", function (event) {
      if (fluent()) { event.preventDefault(); undo(); }
    });
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
    if (key === "u") { event.preventDefault(); undo(); return; }
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
