/*
 * LoStore: keeps a tool's data in this browser (localStorage) and moves it in and out as files.
 * Nothing is sent anywhere. Classic script with one global, so it also works from file://.
 * Every failure comes back as a Dutch message for the user; nothing here throws.
 *
 *   open(key, options)       one stored item: {read, update, remove, watch}; see below
 *   readFile(file)           read a chosen or dropped file as JSON: a Promise of {data} or {error}
 *   download(name, text, type)  offer text as a file download, made in the browser
 *
 * options: {words: {what: "je antwoorden", plural: true, clear: "Wis alles"}, parse(raw) -> {value} or
 * {problem, version} (see LoFormat.checkEnvelope), serialize(value) -> raw object (default: the value itself)}.
 * The words make every message fit the tool ("je antwoorden zijn ...", "je logboek is ...").
 *
 * Rules that keep data safe, for every tool alike:
 * - update() reads what is stored right before it writes and hands that to the tool, so a change made in
 *   another tab, or data a failed start-up never loaded, is merged instead of overwritten.
 * - Stored data this page cannot read (damaged, or from a newer version of the site) is never overwritten:
 *   update() refuses with a message until the user removes it (the tool's clear button).
 * - Each tab reads its own copy of localStorage, and hears of another tab's write a moment later. So a tab can
 *   store its change over a write it has not read yet. Every write therefore carries its history (the ids of the
 *   writes it was made on, "storeRevisions"), and read() and update() hand the tool a merge base: the newest
 *   write in that history that this page has read or written itself. A field that differs between the base and
 *   what is stored was changed by the other tab; a field this page has but the other tab never read is kept.
 */
var LoStore = (function () {
  "use strict";

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** The Dutch messages of one tool, e.g. words {what: "je logboek", plural: false, clear: "Wis logboek"}. */
  function messages(words) {
    var what = words.what, What = capital(what);
    var is = words.plural ? "zijn" : "is", can = words.plural ? "kunnen" : "kan", could = words.plural ? "konden" : "kon";
    var it = words.plural ? "ze" : "het";
    return {
      blocked: "Je browser staat niet toe dat deze pagina " + what + " bewaart. Je kunt de pagina wel gebruiken, maar " +
        "exporteer " + what + " voordat je haar sluit.",
      damaged: What + " in deze browser " + is + " beschadigd en " + could + " niet worden gelezen.",
      newer: function (version) {
        return What + " in deze browser " + is + " bewaard door een nieuwere versie van deze site (formaatversie " +
          version + ") en " + can + " hier niet worden gelezen.";
      },
      keeping: "Om " + it + " niet te overschrijven, worden je wijzigingen niet bewaard. Exporteer wat je hier invult, " +
        "of kies '" + words.clear + "' om opnieuw te beginnen.",
      full: What + " " + could + " niet in deze browser worden bewaard (opslag vol of geblokkeerd). Exporteer " + it +
        " naar een bestand."
    };
  }

  var HISTORY = 16;  // ids of earlier writes kept in each write
  var KNOWN = 8;     // writes this page keeps as possible merge bases

  function newRevisionId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function open(key, options) {
    var say = messages(options.words);
    var parse = options.parse || function (raw) { return { value: raw }; };
    var serialize = options.serialize || function (value) { return value; };
    var known = [];  // the writes this page read or made, newest last: {id, text}

    /** What this page last read or wrote: anything else was written by another tab. */
    function lastText() {
      return known.length ? known[known.length - 1].text : null;
    }

    /** The stored text as {value, text, revisions, notes}: value null when nothing is stored, or with an error. */
    function decode(text) {
      var result = { value: null, text: text, revisions: null, notes: [] };
      if (text === null) return result;
      var raw;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        return { value: null, text: text, unreadable: true, error: say.damaged };
      }
      result.revisions = raw && raw.storeRevisions;
      if (result.revisions) delete raw.storeRevisions;
      var parsed = parse(raw);
      if (parsed.problem) {
        result.unreadable = true;
        result.error = parsed.problem === "newer" ? say.newer(parsed.version) : say.damaged;
        return result;
      }
      result.value = parsed.value;
      result.notes = parsed.notes || [];
      return result;
    }

    /** What is stored now, with the merge base for it (see the rules above); {error} when it cannot be used. */
    function readNow() {
      var text;
      try {
        text = window.localStorage.getItem(key);
      } catch (err) {
        return { value: null, error: say.blocked };
      }
      var result = decode(text);
      if (!result.error) result.base = baseFor(result);
      return result;
    }

    /**
     * The newest write in the history of `stored` that this page knows: what both this page and the writer
     * started from. null for a history that starts from nothing stored; what this page last read or wrote when
     * the history is unknown (written by an older version of the site, or too long ago).
     */
    function baseFor(stored) {
      var found = known[known.length - 1];
      [].concat(stored.revisions || []).some(function (id) {
        var hit = known.filter(function (write) { return write.id === id; })[0];
        if (id === "" || hit) found = hit;
        return id === "" || hit;
      });
      return !found ? null : found.text === stored.text ? stored.value : decode(found.text).value;
    }

    function remember(text, revisions) {
      if (text !== null) known = known.concat([{ id: revisions && revisions[0], text: text }]).slice(-KNOWN);
    }

    function read() {
      var result = readNow();
      if (!result.error) remember(result.text, result.revisions);
      return result;
    }

    /**
     * Write change(stored, base): `stored` is what is stored right now (null when nothing is), `base` what this
     * page and the writer of `stored` both started from (see baseFor). Returns {value: what was written,
     * changedElsewhere} or {error} when nothing was written.
     */
    function update(change) {
      var now = readNow();
      if (now.error) return { error: now.unreadable ? now.error + " " + say.keeping : now.error, unreadable: now.unreadable };
      var changedElsewhere = now.text !== lastText();
      remember(now.text, now.revisions);
      var value = change(now.value, now.base);
      var revisions = [newRevisionId()].concat(now.text === null ? [""] : now.revisions || []).slice(0, HISTORY);
      var text = JSON.stringify(Object.assign({}, serialize(value), { storeRevisions: revisions }));
      try {
        window.localStorage.setItem(key, text);
      } catch (err) {
        return { error: say.full };
      }
      remember(text, revisions);
      return { value: value, changedElsewhere: changedElsewhere };
    }

    function remove() {
      try {
        window.localStorage.removeItem(key);
      } catch (err) {
        /* nothing stored, nothing to remove */
      }
      known = [];
    }

    /** Call `changed()` when another tab changes this item; returns a function that stops watching. */
    function watch(changed) {
      function listener(event) {
        if (event.key === key || event.key === null) changed();
      }
      window.addEventListener("storage", listener);
      return function () { window.removeEventListener("storage", listener); };
    }

    return { read: read, update: update, remove: remove, watch: watch, messages: say };
  }

  function download(filename, text, mimeType) {
    var url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** The file's JSON as {data}, or {error} naming the file; what the data means is for LoFormat and the tool. */
  function readFile(file) {
    var name = "'" + file.name + "'";
    return new Promise(function (resolve) {
      if (file.size > 5 * 1024 * 1024) {
        resolve({ error: name + " is te groot (meer dan 5 MB) voor een exportbestand." });
        return;
      }
      var reader = new FileReader();
      reader.onerror = function () {
        resolve({ error: name + " kon niet worden gelezen." });
      };
      reader.onload = function () {
        try {
          resolve({ data: JSON.parse(reader.result) });
        } catch (err) {
          resolve({ error: name + " is geen geldig exportbestand (geen JSON)." });
        }
      };
      reader.readAsText(file);
    });
  }

  return { open: open, download: download, readFile: readFile };
})();
