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
 * {problem, version} (see LoFormat.checkEnvelope), serialize(value) -> raw (default: the value itself)}.
 * The words make every message fit the tool ("je antwoorden zijn ...", "je logboek is ...").
 *
 * Rules that keep data safe, for every tool alike:
 * - update() reads what is stored right before it writes and hands that to the tool, so a change made in
 *   another tab, or data a failed start-up never loaded, is merged instead of overwritten.
 * - Stored data this page cannot read (damaged, or from a newer version of the site) is never overwritten:
 *   update() refuses with a message until the user removes it (the tool's clear button).
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

  function open(key, options) {
    var say = messages(options.words);
    var parse = options.parse || function (raw) { return { value: raw }; };
    var serialize = options.serialize || function (value) { return value; };
    var lastText = null;  // what this page last read or wrote: anything else was written by another tab

    /** {value} (null when nothing is stored), or {value: null, error, unreadable} when it cannot be used. */
    function readNow() {
      var text;
      try {
        text = window.localStorage.getItem(key);
      } catch (err) {
        return { value: null, error: say.blocked };
      }
      var result = { value: null, text: text };
      if (text === null) return result;
      var raw;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        return { value: null, text: text, unreadable: true, error: say.damaged };
      }
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

    function read() {
      var result = readNow();
      lastText = result.text;
      return result;
    }

    /**
     * Write change(stored) where `stored` is what is stored right now (null when nothing is).
     * Returns {value: what was written, changedElsewhere} or {error} when nothing was written.
     */
    function update(change) {
      var now = readNow();
      if (now.error) return { error: now.unreadable ? now.error + " " + say.keeping : now.error, unreadable: now.unreadable };
      var changedElsewhere = now.text !== lastText;
      var value = change(now.value);
      var text = JSON.stringify(serialize(value));
      try {
        window.localStorage.setItem(key, text);
      } catch (err) {
        return { error: say.full };
      }
      lastText = text;
      return { value: value, changedElsewhere: changedElsewhere };
    }

    function remove() {
      try {
        window.localStorage.removeItem(key);
      } catch (err) {
        /* nothing stored, nothing to remove */
      }
      lastText = null;
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
