/*
 * The feedback tool page: the builder turns choices into a feedback request card (copy, print, to the log),
 * and the log keeps notes in this browser only, with JSON export and import (window.LoStore).
 * Questions, situations and roles come from the rendered page, which is built from the YAML.
 * Classic script, no modules: the offline edition runs from file://.
 */
(function () {
  "use strict";

  var builder = document.getElementById("lo-fb-builder");
  var log = document.getElementById("lo-fb-log");
  if (!builder || !log || !window.LoStore) return;

  var STORAGE_KEY = "lo-feedback-logboek";
  var FORMAT = "lerende-organisatie/feedback-logboek";
  var FORMAT_VERSION = 1;
  var FIELDS = ["date", "who", "question", "learned", "did"];

  function $(id) { return document.getElementById(id); }

  var pendingMessages = {};

  function say(statusId, message) {
    var status = $(statusId);
    status.textContent = "";
    clearTimeout(pendingMessages[statusId]);
    // Emptying the region first makes screen readers announce a repeated message too.
    pendingMessages[statusId] = setTimeout(function () { status.textContent = message; }, 50);
  }

  /* ---------- The builder ---------- */

  function chosenSituation() {
    var select = $("lo-fb-situation");
    return { id: select.value, title: select.options[select.selectedIndex].text };
  }

  function chosenRole() {
    var select = $("lo-fb-role");
    return select.options[select.selectedIndex];
  }

  function visibleQuestions() {
    return builder.querySelector('.lo-fb-questions[data-situation="' + chosenSituation().id + '"]');
  }

  /** The request as data: shown as the card, copied as text, taken into the log. */
  function request() {
    var role = chosenRole();
    var name = $("lo-fb-name").value.trim();
    var questions = Array.prototype.map.call(
      visibleQuestions().querySelectorAll("input:checked"), function (box) { return box.value; });
    var own = $("lo-fb-own").value.trim();
    if (own) questions.push(own);
    var context = $("lo-fb-context").value.trim();
    return {
      to: name ? name + " (" + role.text.toLowerCase() + ")" : role.text,
      who: name || role.text,
      goal: $("lo-fb-goal").value.trim(),
      about: context ? context + " (" + chosenSituation().title.toLowerCase() + ")" : chosenSituation().title,
      questions: questions
    };
  }

  var CLOSING = "Ik luister naar je antwoord zonder me te verdedigen, en laat je later weten wat ik ermee gedaan heb. Dank je wel!";

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

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showCard() {
    var req = request();
    var body = $("lo-fb-card-body");
    body.textContent = "";
    var details = element("dl");
    cardLines(req).forEach(function (line) {
      details.appendChild(element("dt", line[0]));
      details.appendChild(element("dd", line[1]));
    });
    body.appendChild(details);
    if (req.questions.length) {
      body.appendChild(element("p", "Mijn vragen:"));
      var list = element("ol");
      req.questions.forEach(function (q) { list.appendChild(element("li", q)); });
      body.appendChild(list);
      body.appendChild(element("p", CLOSING));
    } else {
      body.appendChild(element("p", "Kies hierboven een of meer vragen, of schrijf je eigen vraag."));
    }
    $("lo-fb-card-text").value = cardText(req);
  }

  function showSituation() {
    var id = chosenSituation().id;
    builder.querySelectorAll(".lo-fb-questions").forEach(function (set) {
      set.hidden = set.getAttribute("data-situation") !== id;
    });
    $("lo-fb-role-hint").textContent = chosenRole().getAttribute("data-hint");
    showCard();
  }

  function needsQuestion() {
    if (request().questions.length) return false;
    say("lo-fb-status", "Kies eerst een vraag of schrijf je eigen vraag.");
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
    if (needsQuestion()) return;
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
    if (needsQuestion()) return;
    document.body.classList.add("lo-fb-printing-card");
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.body.classList.remove("lo-fb-printing-card");
  });

  function cardToLog() {
    if (needsQuestion()) return;
    var req = request();
    startNewEntry();
    $("lo-fb-log-who").value = req.who;
    $("lo-fb-log-question").value = req.questions.join("\n");
    $("lo-fb-log-who").focus();
    say("lo-fb-log-status", "De vraag staat klaar in je logboek. Vul aan en bewaar.");
  }

  /* ---------- The log ---------- */

  var entries = [];
  // Set when this browser holds a log the page cannot read: it is never overwritten, only wiped on request.
  var unreadableLog = false;
  var KEEPING_OLD_LOG = "Let op: het oude logboek in deze browser is niet te lezen. Om het niet te overschrijven, " +
    "worden je wijzigingen hier niet bewaard. Exporteer je notities, of wis het logboek om opnieuw te beginnen.";

  function today() {
    var now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  function newId() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  function envelope(list) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      contentVersion: log.getAttribute("data-content-version"),
      entries: list
    };
  }

  function isEntry(entry) {
    return entry !== null && typeof entry === "object" && typeof entry.id === "string" && entry.id !== "" &&
      FIELDS.every(function (field) { return typeof entry[field] === "string"; }) &&
      /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && entry.who.trim() !== "";
  }

  /** The entries in an export or in storage, or a Dutch message saying why they cannot be used. */
  function entriesOf(data, name) {
    if (data === null || typeof data !== "object" || data.format !== FORMAT) {
      return { error: name + " is geen feedbacklogboek van deze site." };
    }
    if (data.formatVersion !== FORMAT_VERSION) {
      return { error: name + " heeft formaatversie " + data.formatVersion + "; deze pagina kent alleen versie " +
        FORMAT_VERSION + ". Gebruik de site waarmee het bestand gemaakt is." };
    }
    if (!Array.isArray(data.entries)) return { error: name + " bevat geen lijst met notities." };
    for (var i = 0; i < data.entries.length; i++) {
      if (!isEntry(data.entries[i])) {
        return { error: "Notitie " + (i + 1) + " in " + name + " is onvolledig of beschadigd; er is niets ingelezen." };
      }
    }
    return { entries: data.entries };
  }

  /** Store the log; when that is impossible the notes stay on the page, and the message says to export them. */
  function save(message) {
    var error = unreadableLog ? KEEPING_OLD_LOG : window.LoStore.write(STORAGE_KEY, envelope(entries));
    showEntries();
    say("lo-fb-log-status", error ? message + " " + error : message);
  }

  function showEntries() {
    var list = $("lo-fb-log-list");
    list.textContent = "";
    $("lo-fb-log-empty").hidden = entries.length > 0;
    entries.slice().sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; })
      .forEach(function (entry) {
        var item = element("li");
        item.appendChild(element("h3", entry.date + ": " + entry.who));
        var details = element("dl");
        [["Vraag", entry.question], ["Wat ik leerde", entry.learned], ["Wat ik ermee deed", entry.did]]
          .forEach(function (row) {
            details.appendChild(element("dt", row[0]));
            details.appendChild(element("dd", row[1] || "(nog niet ingevuld)"));
          });
        item.appendChild(details);
        item.appendChild(entryButton("Wijzig", entry, editEntry));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(entryButton("Verwijder", entry, deleteEntry));
        list.appendChild(item);
      });
  }

  function entryButton(label, entry, action) {
    var button = element("button", label);
    button.type = "button";
    button.className = "md-button";
    button.setAttribute("aria-label", label + " notitie " + entry.date + ", " + entry.who);
    button.addEventListener("click", function () { action(entry); });
    return button;
  }

  function startNewEntry() {
    $("lo-fb-log-form").reset();
    $("lo-fb-log-form").removeAttribute("data-editing");
    $("lo-fb-log-date").value = today();
    $("lo-fb-log-save").textContent = "Bewaar in logboek";
    $("lo-fb-log-cancel").hidden = true;
  }

  function editEntry(entry) {
    $("lo-fb-log-form").setAttribute("data-editing", entry.id);
    FIELDS.forEach(function (field) { $(fieldId(field)).value = entry[field]; });
    $("lo-fb-log-save").textContent = "Bewaar wijziging";
    $("lo-fb-log-cancel").hidden = false;
    $("lo-fb-log-who").focus();
  }

  function fieldId(field) {
    return "lo-fb-log-" + field;
  }

  function deleteEntry(entry) {
    if (!window.confirm("Notitie van " + entry.date + " (" + entry.who + ") verwijderen?")) return;
    entries = entries.filter(function (e) { return e.id !== entry.id; });
    save("De notitie is verwijderd.");
  }

  function submitEntry(event) {
    event.preventDefault();
    var form = $("lo-fb-log-form");
    var editing = form.getAttribute("data-editing");
    var entry = { id: editing || newId() };
    FIELDS.forEach(function (field) { entry[field] = $(fieldId(field)).value.trim(); });
    if (!isEntry(entry)) {
      say("lo-fb-log-status", "Vul een datum in en wie je om feedback vroeg.");
      return;
    }
    entries = editing ? entries.map(function (e) { return e.id === editing ? entry : e; }) : entries.concat([entry]);
    startNewEntry();
    save(editing ? "De wijziging is bewaard." : "De notitie is bewaard in je logboek.");
  }

  function exportLog() {
    if (!entries.length) {
      say("lo-fb-log-status", "Je logboek is nog leeg; er is niets te exporteren.");
      return;
    }
    window.LoStore.download("feedback-logboek-" + today() + ".json",
      JSON.stringify(envelope(entries), null, 2), "application/json");
    say("lo-fb-log-status", "Je logboek is als bestand gedownload.");
  }

  /** Add the notes of an export that are not in the log yet; a bad file changes nothing. */
  function importLog() {
    var input = $("lo-fb-import");
    var file = input.files[0];
    if (!file) return;
    window.LoStore.readJsonFile(file).then(function (result) {
      input.value = "";
      var found = result.error ? result : entriesOf(result.data, "'" + file.name + "'");
      if (found.error) {
        say("lo-fb-log-status", found.error + " Je logboek is niet veranderd.");
        return;
      }
      var known = {};
      entries.forEach(function (e) { known[e.id] = true; });
      var added = found.entries.filter(function (e) { return !known[e.id]; });
      entries = entries.concat(added);
      var skipped = found.entries.length - added.length;
      save(added.length + " notitie(s) ingelezen" + (skipped ? "; " + skipped + " stond(en) al in je logboek." : "."));
    });
  }

  function clearLog() {
    if (!window.confirm("Alle notities uit je logboek in deze browser wissen? Exporteer ze eerst als je ze wilt bewaren.")) return;
    window.LoStore.remove(STORAGE_KEY);
    unreadableLog = false;
    entries = [];
    showEntries();
    say("lo-fb-log-status", "Je logboek is gewist.");
  }

  function loadLog() {
    var stored = window.LoStore.read(STORAGE_KEY);
    var found = stored.error ? stored : stored.value === null ? { entries: [] } :
      entriesOf(stored.value, "Het logboek in deze browser");
    if (found.error) {
      unreadableLog = true;
      say("lo-fb-log-status", found.error);
      return;
    }
    entries = found.entries;
  }

  /* ---------- Start ---------- */

  $("lo-fb-needs-js").hidden = true;
  builder.hidden = false;
  log.hidden = false;
  $("lo-fb-form").addEventListener("input", showCard);
  $("lo-fb-situation").addEventListener("change", showSituation);
  $("lo-fb-role").addEventListener("change", showSituation);
  $("lo-fb-copy").addEventListener("click", copyCard);
  $("lo-fb-print").addEventListener("click", printCard);
  $("lo-fb-to-log").addEventListener("click", cardToLog);
  $("lo-fb-log-form").addEventListener("submit", submitEntry);
  $("lo-fb-log-cancel").addEventListener("click", startNewEntry);
  $("lo-fb-export").addEventListener("click", exportLog);
  $("lo-fb-clear").addEventListener("click", clearLog);
  $("lo-fb-import").addEventListener("change", importLog);
  showSituation();
  startNewEntry();
  loadLog();
  showEntries();
})();
