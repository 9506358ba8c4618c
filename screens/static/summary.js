// Summary editor: LIX and the word count as the person types (the same rules as review/readability.py:
// tests/browser compares the two on sample texts), long sentences and long words marked; the draft is saved
// by itself a few seconds after typing stops, without making a version. The page works without this file.
(function () {
  "use strict";
  var WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  var SENTENCE_END = /(?<=[.!?:])["'”»)]*\s+|\n\s*/gu;
  var HAS_WORD = /[\p{L}\p{N}]/u;
  var LETTER = /\p{L}/u;
  var LONG_WORD_LETTERS = 6, LONG_SENTENCE_WORDS = 20, BANDS = [[30, "very_easy"], [40, "easy"], [50, "medium"], [60, "hard"]];
  var SECTIONS = ["why", "what_for", "what_did", "what_found", "limitations", "up_to_date", "workplaces"];

  function words(text) { return text.match(WORD) || []; }
  function letters(word) { var n = 0; for (var ch of word) { if (LETTER.test(ch)) { n += 1; } } return n; }
  function isLong(word) { return letters(word) > LONG_WORD_LETTERS; }

  function sentences(text) {
    var spans = [], start = 0, m;
    SENTENCE_END.lastIndex = 0;
    while ((m = SENTENCE_END.exec(text)) !== null) {
      if (m[0] === "") { SENTENCE_END.lastIndex += 1; continue; }
      spans.push([start, m.index]);
      start = m.index + m[0].length;
    }
    spans.push([start, text.length]);
    return spans.filter(function (s) { return HAS_WORD.test(text.slice(s[0], s[1])); });
  }

  function measure(text) {
    var spans = sentences(text), n = 0, long = 0;
    spans.forEach(function (s) {
      var found = words(text.slice(s[0], s[1]));
      n += found.length;
      long += found.filter(isLong).length;
    });
    var lix = n && spans.length ? n / spans.length + 100 * long / n : 0;
    var band = "very_hard";
    for (var i = 0; i < BANDS.length; i += 1) { if (lix < BANDS[i][0]) { band = BANDS[i][1]; break; } }
    return { words: n, sentences: spans.length, longWords: long, lix: Math.round(lix * 10) / 10,
             band: n ? band : "none" };
  }

  function longSentences(text) {
    return sentences(text).map(function (s) { return [s[0], s[1], words(text.slice(s[0], s[1])).length]; })
      .filter(function (s) { return s[2] > LONG_SENTENCE_WORDS; });
  }

  function marks(text) {
    var kinds = new Array(text.length).fill("");
    longSentences(text).forEach(function (s) { for (var i = s[0]; i < s[1]; i += 1) { kinds[i] = "sentence"; } });
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (isLong(m[0])) {
        for (var i = m.index; i < m.index + m[0].length; i += 1) { kinds[i] = (kinds[i] + " word").trim(); }
      }
    }
    var pieces = [];
    for (var k = 0; k < text.length; k += 1) {
      if (pieces.length && pieces[pieces.length - 1][1] === kinds[k]) { pieces[pieces.length - 1][0] += text[k]; }
      else { pieces.push([text[k], kinds[k]]); }
    }
    return pieces;
  }

  window.silReadability = { measure: measure, marks: marks, longSentences: longSentences };

  var form = document.getElementById("summary-form");
  var panel = document.getElementById("readability");
  if (!form || !panel) { return; }

  function clean(value) { return (value || "").replace(/\r\n/g, "\n").trim(); }
  function values(name) {
    return Array.prototype.map.call(form.querySelectorAll("[name='" + name + "']"), function (el) { return clean(el.value); });
  }
  // The prose in reading order, as review.summary_content.full_text joins it.
  function fullText() {
    var parts = [clean(form.elements.title.value)].concat(values("key_message"));
    SECTIONS.forEach(function (s) { parts = parts.concat(values(s)); });
    parts = parts.concat(values("finding_text"));
    return parts.filter(function (p) { return p; }).join("\n");
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function number(x) { return x.toFixed(1).replace(".", panel.getAttribute("data-decimal") || "."); }

  function render() {
    var text = fullText(), result = measure(text), bands = JSON.parse(panel.getAttribute("data-bands"));
    var low = 400, high = 850;
    var status = result.words < low ? "short" : result.words > high ? "long" : "ok";
    document.getElementById("words-line").textContent = fmt(panel.getAttribute("data-words"), { n: result.words }) +
      " – " + panel.getAttribute("data-length-" + status);
    document.getElementById("lix-line").textContent = result.words ?
      fmt(panel.getAttribute("data-lix"), { lix: number(result.lix), band: bands[result.band] }) : panel.getAttribute("data-lix-none");
    document.getElementById("lix-parts").textContent = result.words ? fmt(panel.getAttribute("data-parts"), {
      per: number(result.words / result.sentences), long: result.longWords,
      share: number(100 * result.longWords / result.words) }) : "";
    var list = document.getElementById("long-sentences");
    list.textContent = "";
    longSentences(text).slice(0, 8).forEach(function (s) {
      var li = document.createElement("li"), mark = document.createElement("mark"), meta = document.createElement("span");
      mark.className = "long-sentence";
      mark.textContent = text.slice(s[0], s[1]).trim();
      meta.className = "meta";
      meta.textContent = " " + fmt(panel.getAttribute("data-sentence-words"), { n: s[2] });
      li.appendChild(mark);
      li.appendChild(meta);
      list.appendChild(li);
    });
    document.getElementById("long-none").hidden = list.children.length > 0;
    var box = document.getElementById("marked-text");
    box.textContent = "";
    marks(text).forEach(function (piece) {
      if (!piece[1]) { box.appendChild(document.createTextNode(piece[0])); return; }
      var span = document.createElement(piece[1].indexOf("word") >= 0 ? "mark" : "span");
      span.className = piece[1].split(" ").map(function (k) { return "long-" + k; }).join(" ");
      span.textContent = piece[0];
      box.appendChild(span);
    });
  }

  // Autosave: the writer's own draft is kept on the server (no version is made); "Save version" makes one on
  // purpose. Each answer says who saved a version or a newer draft since this page's text started; when that
  // is more than the page shows, a notice offers to reload (the draft is saved first, so nothing is lost).
  var timer = null, status = document.getElementById("draft-status"), draftUrl = form.getAttribute("data-draft");
  var live = document.getElementById("others-live"), shown = form.getAttribute("data-newer") || "";
  function showNewer(data) {
    if (!live || data.newer_key === undefined) { return; }
    var list = live.querySelector("ul");
    list.textContent = "";
    (data.newer || []).forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      list.appendChild(li);
    });
    live.hidden = !data.newer_key || data.newer_key === shown;
  }
  function saveDraft() {
    timer = null;
    var body = new URLSearchParams(new FormData(form));
    body.set("intent", "draft");
    return fetch(draftUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: true,
                             headers: { "Accept": "application/json", "X-CSRF-Token": form.elements.csrf_token.value } })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (result) {
        status.textContent = result.ok ? result.data.message : result.data.error;
        if (result.ok) { showNewer(result.data); }
        return result.ok;
      })
      .catch(function () { status.textContent = status.getAttribute("data-failed"); return false; });
  }
  if (live) {
    document.getElementById("others-reload").addEventListener("click", function () {
      if (timer) { window.clearTimeout(timer); }
      saveDraft().then(function (saved) { if (saved) { window.location.reload(); } });
    });
  }
  form.addEventListener("input", function () {
    render();
    if (draftUrl) {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(saveDraft, 2500);
    }
  });
  form.addEventListener("submit", function () { if (timer) { window.clearTimeout(timer); timer = null; } });
  window.addEventListener("beforeunload", function () { if (timer) { saveDraft(); } });
  render();
})();
