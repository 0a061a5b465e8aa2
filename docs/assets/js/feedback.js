/*
 * The feedback tool page: the builder turns choices into a feedback request card (copy, print, to the log),
 * and the log keeps notes in this browser only, with JSON export and import.
 * Situations and roles come from the page's data block (#lo-fb-model), which the build makes from the YAML;
 * the notes' logic lives in feedback-log.js, storage and files in lo-store.js, page helpers in lo-dom.js.
 * The builder and the log start separately: when one fails, the other still works, and the log reads what is
 * stored before anything can save, and again right before every write.
 * Classic script, no modules: the offline edition runs from file://.
 */
(function () {
  "use strict";

  var builder = document.getElementById("lo-fb-builder");
  var log = document.getElementById("lo-fb-log");
  if (!builder || !log || !window.LoStore) return;

  var Dom = window.LoDom, $ = Dom.$, Log = window.FeedbackLog;
  var STORAGE_KEY = "lo-feedback-logboek";
  var MAX_QUESTIONS = 3;
  var data = Dom.readData("lo-fb-model");

  function say(statusId, message, isError) {
    Dom.announce($(statusId), message, isError);
  }

  /* ---------- The builder ---------- */

  function byId(list, id) {
    return list.filter(function (item) { return item.id === id; })[0];
  }

  function chosenSituation() {
    return byId(data.situations, $("lo-fb-situation").value);
  }

  function chosenRole() {
    return byId(data.roles, $("lo-fb-role").value);
  }

  function visibleQuestions() {
    var id = chosenSituation().id;
    return Dom.all(".lo-fb-questions", builder).filter(function (set) { return set.getAttribute("data-situation") === id; })[0];
  }

  /** The request as data: shown as the card, copied as text, taken into the log. */
  function request() {
    var role = chosenRole();
    var name = $("lo-fb-name").value.trim();
    var questions = Dom.all("input:checked", visibleQuestions()).map(function (box) { return box.value; });
    var own = $("lo-fb-own").value.trim();
    if (own) questions.push(own);
    var context = $("lo-fb-context").value.trim();
    var situation = chosenSituation().title;
    return {
      to: name ? name + " (" + role.label.toLowerCase() + ")" : role.label,
      who: name || role.label,
      goal: $("lo-fb-goal").value.trim(),
      about: context ? context + " (" + situation.toLowerCase() + ")" : situation,
      questions: questions
    };
  }

  var CLOSING = "Ik luister naar je antwoord zonder me te verdedigen, en laat je later weten wat ik ermee gedaan heb. Dank je wel!";
  var TOO_MANY = "Kies een tot drie vragen: haal een vinkje weg of maak je eigen vraag leeg.";

  function cardLines(req) {
    var lines = [["Aan", req.to]];
    if (req.goal) lines.push(["Wat ik wil leren", req.goal]);
    lines.push(["Waarover", req.about]);
    return lines;
  }

  function cardText(req) {
    var text = "Feedbackvraag\n\n" + cardLines(req).map(function (l) { return l[0] + ": " + l[1]; }).join("\n");
    text += "\n\nMijn vragen:\n" + req.questions.map(function (q, i) { return (i + 1) + ". " + q; }).join("\n");
    return text + "\n\n" + CLOSING + "\n";
  }

  /** At most three questions: once three are chosen, the other boxes of the situation wait until one is freed. */
  function limitQuestions(req) {
    var full = req.questions.length >= MAX_QUESTIONS;
    var wasFull = visibleQuestions().hasAttribute("data-full");
    Dom.all(".lo-fb-questions", builder).forEach(function (set) {
      set.toggleAttribute("data-full", full && set === visibleQuestions());
      Dom.all("input", set).forEach(function (box) { box.disabled = full && !box.checked && set === visibleQuestions(); });
    });
    if (full && !wasFull) say("lo-fb-status", "Je hebt drie vragen gekozen, het maximum. Haal een vinkje weg om een andere te kiezen.");
  }

  function showCard() {
    var req = request();
    limitQuestions(req);
    var body = $("lo-fb-card-body");
    body.textContent = "";
    body.appendChild(Dom.el("dl", {}, [].concat.apply([], cardLines(req).map(function (line) {
      return [Dom.el("dt", {}, [line[0]]), Dom.el("dd", {}, [line[1]])];
    }))));
    if (req.questions.length) {
      body.appendChild(Dom.el("p", {}, ["Mijn vragen:"]));
      body.appendChild(Dom.el("ol", {}, req.questions.map(function (q) { return Dom.el("li", {}, [q]); })));
      body.appendChild(Dom.el("p", {}, [req.questions.length > MAX_QUESTIONS ? TOO_MANY : CLOSING]));
    } else {
      body.appendChild(Dom.el("p", {}, ["Kies hierboven een of meer vragen, of schrijf je eigen vraag."]));
    }
    $("lo-fb-card-text").value = cardText(req);
  }

  function showSituation() {
    var id = chosenSituation().id;
    Dom.all(".lo-fb-questions", builder).forEach(function (set) {
      set.hidden = set.getAttribute("data-situation") !== id;
    });
    $("lo-fb-role-hint").textContent = chosenRole().hint;
    showCard();
  }

  /** Whether the card is not ready to use; if so, the status says why. */
  function notReady() {
    var count = request().questions.length;
    if (count && count <= MAX_QUESTIONS) return false;
    say("lo-fb-status", count ? TOO_MANY : "Kies eerst een vraag of schrijf je eigen vraag.", Boolean(count));
    return true;
  }

  function copyByHand() {
    $("lo-fb-manual-copy").hidden = false;
    var area = $("lo-fb-card-text");
    area.focus();
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (err) { copied = false; }
    say("lo-fb-status", copied ? "De tekst is gekopieerd." :
      "Automatisch kopiëren lukte niet. De tekst staat hieronder geselecteerd: kopieer hem met Ctrl+C (Cmd+C op een Mac).");
  }

  function copyCard() {
    if (notReady()) return;
    var text = cardText(request());
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { say("lo-fb-status", "De tekst is gekopieerd. Plak hem in een mail of chatbericht."); },
        copyByHand);
    } else {
      copyByHand();
    }
  }

  function printCard() {
    if (notReady()) return;
    document.body.classList.add("lo-fb-printing-card");
    window.print();
  }

  function cardToLog() {
    if (notReady()) return;
    var req = request();
    startNewEntry();
    $("lo-fb-log-who").value = req.who;
    $("lo-fb-log-question").value = req.questions.join("\n");
    $("lo-fb-log-who").focus();
    say("lo-fb-log-status", "");
    say("lo-fb-status", "De vraag staat klaar in je logboek, hieronder. Vul aan en bewaar.");
  }

  function startBuilder() {
    $("lo-fb-form").addEventListener("input", showCard);
    $("lo-fb-situation").addEventListener("change", showSituation);
    $("lo-fb-role").addEventListener("change", showSituation);
    $("lo-fb-copy").addEventListener("click", copyCard);
    $("lo-fb-print").addEventListener("click", printCard);
    $("lo-fb-to-log").addEventListener("click", cardToLog);
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("lo-fb-printing-card");
    });
    showSituation();
  }

  /* ---------- The log ---------- */

  var slot = LoStore.open(STORAGE_KEY, {
    words: { what: "je logboek", plural: false, clear: "Wis logboek" },
    parse: function (raw) {
      var found = Log.parse(raw, "Het logboek in deze browser");
      return found.error ? found : { value: found.entries };
    },
    serialize: function (entries) { return Log.envelope(entries, data.contentVersion); }
  });
  var entries = [];  // the notes on the page: what is stored, or, when storing is impossible, this visit's notes

  function newId() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  /**
   * Apply a change to the notes as they are stored right now (another tab may have added some) and store the result.
   * When storing is impossible, the change stays on the page and the message says so.
   */
  function change(operation, message) {
    var result = slot.update(function (stored) { return operation(stored || []); });
    entries = result.error ? operation(entries) : result.value;
    showEntries();
    if (result.error) {
      say("lo-fb-log-status", result.error, true);
    } else {
      say("lo-fb-log-status", (typeof message === "function" ? message() : message) +
        (result.changedElsewhere ? " Wat je in een ander tabblad aan je logboek veranderde, staat er ook in." : ""));
    }
  }

  function showEntries() {
    var list = $("lo-fb-log-list");
    list.textContent = "";
    $("lo-fb-log-empty").hidden = entries.length > 0;
    Log.newestFirst(entries).forEach(function (entry) {
      var details = [["Vraag", entry.question], ["Wat ik leerde", entry.learned], ["Wat ik ermee deed", entry.did]]
        .map(function (row) { return [Dom.el("dt", {}, [row[0]]), Dom.el("dd", {}, [row[1] || "(nog niet ingevuld)"])]; });
      list.appendChild(Dom.el("li", {}, [
        Dom.el("h3", {}, [entry.date + ": " + entry.who]),
        Dom.el("dl", {}, [].concat.apply([], details)),
        entryButton("Wijzig", entry, editEntry), " ", entryButton("Verwijder", entry, deleteEntry)
      ]));
    });
  }

  function entryButton(label, entry, action) {
    var button = Dom.el("button", { type: "button", class: "md-button", "aria-label": label + " notitie " + entry.date + ", " + entry.who },
                        [label]);
    button.addEventListener("click", function () { action(entry); });
    return button;
  }

  function startNewEntry() {
    $("lo-fb-log-form").reset();
    $("lo-fb-log-form").removeAttribute("data-editing");
    $("lo-fb-log-date").value = window.LoFormat.localDate();
    $("lo-fb-log-save").textContent = "Bewaar in logboek";
    $("lo-fb-log-cancel").hidden = true;
  }

  function editEntry(entry) {
    $("lo-fb-log-form").setAttribute("data-editing", entry.id);
    Log.FIELDS.forEach(function (field) { $(fieldId(field)).value = entry[field]; });
    $("lo-fb-log-save").textContent = "Bewaar wijziging";
    $("lo-fb-log-cancel").hidden = false;
    $("lo-fb-log-who").focus();
  }

  function fieldId(field) {
    return "lo-fb-log-" + field;
  }

  function deleteEntry(entry) {
    if (!window.confirm("Notitie van " + entry.date + " (" + entry.who + ") verwijderen?")) return;
    change(function (list) { return Log.remove(list, entry.id); }, "De notitie is verwijderd.");
  }

  function submitEntry(event) {
    event.preventDefault();
    var form = $("lo-fb-log-form");
    var editing = form.getAttribute("data-editing");
    var entry = { id: editing || newId() };
    Log.FIELDS.forEach(function (field) { entry[field] = $(fieldId(field)).value.trim(); });
    if (!Log.isEntry(entry)) {
      say("lo-fb-log-status", "Vul een datum in en wie je om feedback vroeg.", true);
      return;
    }
    startNewEntry();
    change(function (list) { return editing ? Log.replace(list, entry) : Log.add(list, entry); },
           editing ? "De wijziging is bewaard." : "De notitie is bewaard in je logboek.");
  }

  function exportLog() {
    if (!entries.length) {
      say("lo-fb-log-status", "Je logboek is nog leeg; er is niets te exporteren.");
      return;
    }
    LoStore.download("feedback-logboek-" + window.LoFormat.localDate() + ".json",
      JSON.stringify(Log.envelope(entries, data.contentVersion), null, 2), "application/json");
    say("lo-fb-log-status", "Je logboek is als bestand gedownload.");
  }

  /** Add the notes of an export that are not in the log yet; a bad file changes nothing. */
  function importLog() {
    var input = $("lo-fb-import");
    var file = input.files[0];
    if (!file) return;
    LoStore.readFile(file).then(function (result) {
      input.value = "";
      var found = result.error ? result : Log.parse(result.data, "'" + file.name + "'");
      if (found.error) {
        say("lo-fb-log-status", found.error + " Je logboek is niet veranderd.", true);
        return;
      }
      var counts;
      change(function (list) {
        counts = Log.importInto(list, found.entries);
        return counts.entries;
      }, function () {
        return counts.added + " notitie(s) ingelezen" + (counts.known ? "; " + counts.known + " stond(en) al in je logboek." : ".") +
          (found.unsafe ? " " + found.unsafe + " notitie(s) met een ongeldige sleutel overgeslagen." : "");
      });
    });
  }

  function clearLog() {
    if (!window.confirm("Alle notities uit je logboek in deze browser wissen? Exporteer ze eerst als je ze wilt bewaren.")) return;
    slot.remove();
    entries = [];
    showEntries();
    say("lo-fb-log-status", "Je logboek is gewist.");
  }

  /** What is stored, into the page; a log that cannot be read stays where it is, untouched. */
  function loadLog() {
    var stored = slot.read();
    entries = stored.value || [];
    showEntries();
    if (stored.error) say("lo-fb-log-status", stored.error, true);
  }

  /** Another tab saved: show its notes, and store again any note of this page that its write left out. */
  function followOtherTab() {
    var stored = slot.read();
    if (stored.error) {
      say("lo-fb-log-status", stored.error, true);
      return;
    }
    var theirs = stored.value || [];
    var merged = Log.mergeTabs(stored.base, entries, theirs);
    var message = "Je logboek is in een ander tabblad gewijzigd; de lijst hieronder is bijgewerkt.";
    if (JSON.stringify(merged) === JSON.stringify(theirs)) {
      entries = merged;
      showEntries();
      say("lo-fb-log-status", message);
    } else {
      change(function (list) { return Log.mergeTabs(theirs, merged, list); }, message);
    }
  }

  function startLog() {
    loadLog();
    startNewEntry();
    $("lo-fb-log-form").addEventListener("submit", submitEntry);
    $("lo-fb-log-cancel").addEventListener("click", startNewEntry);
    $("lo-fb-export").addEventListener("click", exportLog);
    $("lo-fb-clear").addEventListener("click", clearLog);
    $("lo-fb-import").addEventListener("change", importLog);
    slot.watch(followOtherTab);
  }

  /* ---------- Start: each part shows itself only when it started without an error ---------- */

  var failed = [];
  [["de kaartenmaker", builder, startBuilder], ["het logboek", log, startLog]].forEach(function (part) {
    try {
      part[2]();
      part[1].hidden = false;
    } catch (err) {
      failed.push(part[0]);
    }
  });
  $("lo-fb-needs-js").hidden = !failed.length;
  if (failed.length) {
    $("lo-fb-needs-js").textContent = "Door een fout op deze pagina werkt " + failed.join(" en ") + " nu niet. " +
      "Er is niets veranderd aan wat je eerder bewaarde. Herlaad de pagina, of probeer een andere browser.";
  }
})();
