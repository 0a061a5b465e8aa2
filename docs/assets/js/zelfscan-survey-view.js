/*
 * The survey part of the team view: reading a survey tool's export into the team (with progress, in slices, so a
 * file of 10,000 people does not freeze the page) and the results per ROL and per TEAM, with leaders next to
 * employees. zelfscan-team-view.js loads it (after zelfscan-survey.js) when a survey export is chosen or the team
 * holds one; the export reader (survey-import.js) and, for an Excel file, fflate load when a file is chosen.
 */
var ZelfscanSurveyView = (function (Dom, Score, Survey) {
  "use strict";

  var el = Dom.el, $ = Dom.$;
  var SLICE_MS = 40; // read for this long, then let the page breathe (paint the progress, take a key press)
  var STARTERS = 5;
  var MINIMUM_KEY = "lerende-organisatie/zelfscan-minimum"; // an organisation's anonymity rule outlives a reload

  function validMinimum(value) {
    return value === Math.floor(value) && value >= 2 && value <= 1000;
  }

  function storedMinimum() {
    try {
      var value = Number(localStorage.getItem(MINIMUM_KEY));
      return validMinimum(value) ? value : 5;
    } catch (e) {
      return 5;
    }
  }

  function score(value) {
    return Score.formatScore(value);
  }

  function difference(value) {
    return value === null ? "–" : (value > 0 ? "+" : value < 0 ? "−" : "") + score(Math.abs(value));
  }

  function head(cells) {
    return el("thead", {}, [el("tr", {}, cells.map(function (h) { return el("th", { scope: "col" }, [h]); }))]);
  }

  function scrollBox(name, table) {
    return el("div", { class: "lo-zs-scroll", role: "region", "aria-label": name, tabindex: "0" }, [table]);
  }

  /** ctx: {model, loadScript(path), members(), team(), say(region, text, isError), setSurveys(list) -> stored} */
  function start(ctx) {
    var model = ctx.model;
    var dims = model.dimensions.slice().sort(function (a, b) { return a.number - b.number; });
    var status = $("zs-survey-status");
    var busyBox = $("zs-survey-busy"), bar = $("zs-survey-progress");
    var minimumInput = $("zs-groups-minimum"), box = $("zs-groups-result");
    var minimumStatus = $("zs-groups-status");
    var minimum = storedMinimum(), busy = false;
    minimumInput.value = String(minimum);

    /* ---------- reading an export ---------- */

    function refuse(name, message) {
      busy = false;
      busyBox.hidden = true;
      ctx.say(status, name + ": " + message + " Er is niets veranderd: wat al geladen was, blijft staan.", true);
    }

    function read(file) {
      var name = "'" + file.name + "'";
      if (busy) { ctx.say(status, "Er wordt al een enquête-export ingelezen. Wacht tot die klaar is.", true); return; }
      busy = true;
      ctx.loadScript("survey-import.js").then(function () {
        var Import = window.SurveyImport;
        if (file.size > Import.MAX_BYTES) return refuse(name, Import.tooLarge(file.size));
        bar.value = 0;
        busyBox.hidden = false;
        ctx.say(status, "Bezig met inlezen van " + name + "…");
        return file.arrayBuffer().then(function (bytes) {
          return Import.needsUnzip(bytes) ? ctx.loadScript("../vendor/fflate/fflate.js").then(function () { return bytes; }) : bytes;
        }).then(function (bytes) {
          var reader = Import.open(bytes, model);
          if (reader.error) return refuse(name, reader.error);
          slice(reader, name, file.name);
        });
      }).catch(function () { refuse(name, "het bestand of het onderdeel om het te lezen kon niet worden geladen."); });
    }

    /** Read for SLICE_MS, show how far, and go on after the page has had its turn. */
    function slice(reader, name, label) {
      var until = Date.now() + SLICE_MS, done = false;
      while (!done && Date.now() < until) done = reader.step(250);
      bar.value = Math.round(reader.progress() * 100);
      if (!done) { setTimeout(function () { slice(reader, name, label); }, 0); return; }
      var read = reader.result();
      if (read.error) return refuse(name, read.error);
      var entry = Survey.fromImport(read, model, label);
      var added = Survey.add(ctx.team().surveys, entry);
      var stored = ctx.setSurveys(added.surveys);
      busy = false;
      busyBox.hidden = true;
      var message = name + " ingelezen. " + read.report.notes.join(" ");
      added.replaced.forEach(function (earlier) {
        message += " Dit bestand bevat alle antwoorden uit de eerder ingelezen '" + earlier.label + "' en vervangt die.";
      });
      if (stored.error) {
        message += " Let op: de " + entry.rows.length + " respondenten tellen mee zolang deze pagina open is, maar ze " +
          "passen niet in de opslag van deze browser. Wat eerder bewaard was, blijft bewaard. Exporteer het teambestand " +
          "om ze te bewaren, en lees dat later in onder Bestanden.";
      }
      ctx.say(status, message + " Het teamresultaat telt nu " + ctx.members().length + " deelnemer(s).", Boolean(stored.error));
    }

    /* ---------- results per group ---------- */

    function dimensionHeads() {
      return dims.map(function (dim) { return dim.number + ". " + (dim.short_title || dim.title); });
    }

    function hiddenNote(split) {
      if (!split.hidden.length) return null;
      return el("p", { class: "lo-zs-hint" }, ["Niet apart getoond: " + split.hidden.map(function (g) {
        return g.name + (g.why === "small" ? " (minder dan " + minimum + " respondenten)"
          : " (anders is de uitkomst van een kleinere groep terug te rekenen uit het totaal)");
      }).join("; ") + ". Hun antwoorden tellen wel mee in het teamresultaat hierboven."]);
    }

    function groupTable(split, title, id) {
      var rows = split.shown.map(function (g) {
        var summary = Survey.summaryOf(g, model);
        return el("tr", {}, [el("th", { scope: "row" }, [g.name]), el("td", {}, [String(g.respondents.length)])]
          .concat(summary.dimensions.map(function (d) { return el("td", {}, [score(d.mean)]); })));
      });
      return el("div", {}, [
        el("h4", {}, [title]),
        rows.length ? scrollBox("Tabel " + title.toLowerCase(), el("table", { class: "lo-zs-table", id: id }, [
          el("caption", {}, [title + ": aantal en gemiddelde per dimensie"]),
          head(["Groep", "Aantal"].concat(dimensionHeads())),
          el("tbody", {}, rows)
        ])) : el("p", {}, ["Geen enkele groep is groot genoeg om apart te tonen."]),
        hiddenNote(split)
      ]);
    }

    function rolesPart(byRole) {
      var compared = Survey.roles(byRole, model, STARTERS);
      var research = "In het onderzoek achter deze site spraken alleen leidinggevenden en HR; zij waren het meestal eens " +
        "over waar hun organisatie zich nog kon ontwikkelen. Hoe medewerkers het zien, bleef buiten beeld.";
      if (!compared) {
        return el("div", {}, [el("h4", {}, ["Leidinggevenden naast medewerkers"]), el("p", {}, [research]),
          el("p", { id: "zs-roles-missing" }, ["Dit vergelijken kan hier niet: leidinggevenden of medewerkers worden niet apart " +
            "getoond (zie hierboven waarom). Met meer antwoorden per rol, of een lager minimum, komt de vergelijking erbij."])]);
      }
      var cols = ["Dimensie", "Leidinggevenden"].concat(compared.hasHR ? ["HR"] : [], ["Medewerkers", "Verschil"]);
      var rows = compared.dimensions.map(function (d) {
        return el("tr", {}, [el("th", { scope: "row" }, [d.number + ". " + d.title]), el("td", {}, [score(d.LG)])]
          .concat(compared.hasHR ? [el("td", {}, [score(d.HR)])] : [],
                  [el("td", {}, [score(d.MW)]), el("td", {}, [difference(d.difference)])]));
      });
      return el("div", {}, [
        el("h4", {}, ["Leidinggevenden naast medewerkers"]), el("p", {}, [research + " Hier staan ze naast elkaar."]),
        scrollBox("Tabel leidinggevenden naast medewerkers", el("table", { class: "lo-zs-table", id: "zs-roles-table" }, [
          el("caption", {}, ["Gemiddelde per dimensie per rol; verschil: medewerkers min leidinggevenden"]),
          head(cols), el("tbody", {}, rows)
        ])),
        el("h4", {}, ["Gespreksstarters: hier zien leiding en medewerkers het anders"]),
        compared.starters.length ? el("ol", { id: "zs-roles-starters" }, compared.starters.map(function (s) {
          return el("li", {}, [el("strong", {}, [s.number + "." + (s.index + 1)]), " " + s.text + " ",
            el("span", { class: "lo-zs-hint" }, ["(leidinggevenden " + score(s.LG) + ", medewerkers " + score(s.MW) + ")"])]);
        })) : el("p", {}, ["Leidinggevenden en medewerkers geven per uitspraak gemiddeld dezelfde score."])
      ]);
    }

    var lastPeople = [];

    function groups(people) {
      lastPeople = people;
      var has = { ROL: false, TEAM: false };
      people.forEach(function (r) { if (r.groups.ROL) has.ROL = true; if (r.groups.TEAM) has.TEAM = true; });
      var byRole = Survey.split(people, "ROL", minimum);
      box.textContent = "";
      [has.ROL ? groupTable(byRole, "Per rol", "zs-groups-role") : null,
       has.ROL ? rolesPart(byRole) : null,
       has.TEAM ? groupTable(Survey.split(people, "TEAM", minimum), "Per team", "zs-groups-team") : null]
        .forEach(function (part) { if (part) box.appendChild(part); });
    }

    minimumInput.addEventListener("change", function () {
      var value = Number(minimumInput.value);
      var valid = validMinimum(value);
      minimumInput.setAttribute("aria-invalid", String(!valid));
      if (!valid) {
        ctx.say(minimumStatus, "Het minimum moet een heel getal van 2 tot en met 1000 zijn; het blijft " + minimum + ".", true);
        return;
      }
      minimum = value;
      try {
        localStorage.setItem(MINIMUM_KEY, String(minimum));
      } catch (e) { /* not kept: the page still uses it until it is closed */ }
      groups(lastPeople);
      ctx.say(minimumStatus, "Groepen met minder dan " + minimum + " respondenten worden niet apart getoond.");
    });

    return { read: read, groups: groups };
  }

  return { start: start };
})(LoDom, ZelfscanScore, ZelfscanSurvey);
