/*
 * The self-check in the browser: keeps answers in localStorage, shows the result (radar chart and table),
 * next steps and the comparison with an earlier export, and starts the team view (zelfscan-team-view.js).
 * Without this script the page is the paper form. Arithmetic, file format and merging live in zelfscan-score.js; storage and files in
 * lo-store.js; page helpers in lo-dom.js.
 * Nothing that saves is attached before the stored answers are on the form, and every save merges with what is
 * stored at that moment, so neither a start-up error nor a second tab can overwrite answers.
 */
(function () {
  "use strict";

  var stopWatching = function () {};

  /* Material announces every page it shows (also after instant navigation) through document$. */
  if (window.document$) window.document$.subscribe(guardedStart); else guardedStart();

  /** A start-up error leaves the paper form and a message; nothing that saves has been attached by then. */
  function guardedStart() {
    stopWatching();
    try {
      start();
    } catch (err) {
      var status = document.getElementById("zs-status");
      if (!status) return;
      var toolbar = status.parentNode;
      window.LoDom.all("button", toolbar).forEach(function (button) { button.hidden = true; });
      toolbar.hidden = false;
      window.LoDom.announce(status, "Door een fout op deze pagina werkt de zelfscan in de browser nu niet; er wordt niets " +
        "bewaard en je bewaarde antwoorden blijven zoals ze waren. Herlaad de pagina, of gebruik het papieren formulier.", true);
    }
  }

  function start() {
    var root = document.getElementById("zs-root");
    if (!root) return;

    var Score = window.ZelfscanScore;
    var Store = window.LoStore;
    var Dom = window.LoDom;
    var el = Dom.el, $ = Dom.$;
    var model = Dom.readData("zs-model");
    var answersSlot = Store.open("lo-zelfscan", { words: { what: "je antwoorden", plural: true, clear: "Wis alles" }, parse: function (raw) {
      var parsed = Score.parseDocument(raw, model);
      return parsed.error ? parsed : { value: parsed.doc, notes: parsed.notes };
    } });
    var baselineSlot = Store.open("lo-zelfscan-eerdere-meting", { words: { what: "je eerdere meting", plural: false, clear: "Verwijder eerdere meting" } });
    var form = $("zs-form");
    var planBody = $("zs-plan-rows");
    var paperRows = planBody.rows.length;
    var status = $("zs-status");
    var nextStatus = $("zs-next-status");
    var timeStatus = $("zs-time-status");
    var dimensionsById = new Map();
    model.dimensions.forEach(function (dim) { dimensionsById.set(dim.id, dim); });

    var respondent = Score.newRespondentId();  // this person's id, replaced by the stored one
    var teamView = null;   // the team part of the page, once started
    var baseline = null;   // {name, doc}, kept in localStorage like the answers
    var nextKey = null;    // which dimensions the next steps show, so ticks survive typing elsewhere

    /* ---------- small helpers ---------- */

    function all(selector, within) {
      return Dom.all(selector, within || root);
    }

    var say = Dom.announce;

    function dimensionLabel(dim) {
      return dim.number + ". " + dim.title;
    }

    function signed(value) {
      if (value === null) return "–";
      return (value > 0 ? "+" : value < 0 ? "−" : "") + Score.formatScore(Math.abs(value));
    }

    /* ---------- the form <-> a document ---------- */

    function readForm() {
      var doc = Score.emptyDocument(model);
      var byId = {};
      doc.dimensions.forEach(function (d) { byId[d.id] = d; });
      doc.savedAt = new Date().toISOString();
      doc.respondent = respondent;
      all("[data-field]", form).forEach(function (input) { doc[input.dataset.field] = input.value; });
      all(".lo-zs-statement", form).forEach(function (fieldset) {
        var checked = fieldset.querySelector("input:checked");
        if (!checked) return;
        byId[fieldset.dataset.dimension].answers.push({
          index: Number(fieldset.dataset.index), hash: fieldset.dataset.hash,
          value: checked.value === "?" ? null : Number(checked.value)
        });
      });
      all("textarea[data-note]", form).forEach(function (area) { byId[area.dataset.dimension][area.dataset.note] = area.value; });
      doc.priorities = all("input[name=priority]:checked", form).map(function (box) { return box.value; });
      doc.plan = Array.prototype.map.call(planBody.rows, function (row) {
        var item = {};
        all("[data-plan]", row).forEach(function (area) { item[area.dataset.plan] = area.value; });
        return item;
      }).filter(function (item) {
        return Object.keys(item).some(function (field) { return item[field].trim() !== ""; });
      });
      return doc;
    }

    function fillForm(doc) {
      form.reset();
      while (planBody.rows.length > paperRows) planBody.deleteRow(-1);
      all("[data-field]", form).forEach(function (input) { input.value = doc[input.dataset.field]; });
      if (doc.respondent) respondent = doc.respondent;
      doc.dimensions.forEach(function (dim) {
        dim.answers.forEach(function (answer) {
          var radios = form.elements.namedItem("zs-" + dim.id + "-" + answer.index);
          if (radios) radios.value = answer.value === null ? "?" : String(answer.value);
        });
        ["good", "better"].forEach(function (note) { $("zs-" + dim.id + "-" + note).value = dim[note]; });
      });
      all("input[name=priority]", form).forEach(function (box) { box.checked = doc.priorities.indexOf(box.value) !== -1; });
      while (planBody.rows.length < doc.plan.length) addPlanRow();
      doc.plan.forEach(function (item, i) {
        all("[data-plan]", planBody.rows[i]).forEach(function (area) { area.value = item[area.dataset.plan]; });
      });
    }

    function addPlanRow() {
      var row = planBody.rows[planBody.rows.length - 1].cloneNode(true);
      var number = planBody.rows.length + 1;
      all("textarea", row).forEach(function (area) {
        area.value = "";
        area.setAttribute("aria-label", area.getAttribute("aria-label").replace(/^Actie \d+/, "Actie " + number));
      });
      planBody.appendChild(row);
      return row;
    }

    /**
     * Store the form's answers, merged with what is stored now: another tab's answers stay, and so does what a
     * failed start-up never loaded. Returns what the page now shows.
     */
    function save(doc) {
      var result = answersSlot.update(function (stored, base) { return Score.merge(base, doc, stored, model); });
      if (result.error) {
        say(status, result.error, true);
        return doc;
      }
      if (!Score.sameContent(result.value, doc)) {
        fillForm(result.value);
        say(status, "Je antwoorden zijn in een ander tabblad gewijzigd. Deze pagina toont nu ook die antwoorden.");
      }
      return result.value;
    }

    /** Another tab saved: show its answers here (keeping any change this tab has not stored yet). */
    function followOtherTab() {
      var stored = answersSlot.read();
      if (stored.error) {
        say(status, stored.error, true);
        return;
      }
      var merged = Score.merge(stored.base, readForm(), stored.value, model);
      fillForm(merged);
      if (!Score.sameContent(merged, stored.value || Score.emptyDocument(model))) merged = save(merged);
      renderAll(merged);
      say(status, stored.value ? "Je antwoorden zijn in een ander tabblad gewijzigd. Deze pagina is bijgewerkt."
                               : "Je antwoorden zijn in een ander tabblad gewist.");
    }

    /* ---------- result: radar chart, table, next steps ---------- */

    /** An inline SVG radar chart of `series` ([{kind, values}]); `title` names it for screen readers. */
    function radar(id, title, series) {
      var svg = Dom.svg;
      var size = 360, centre = size / 2, radius = 115, gap = 14;
      var charWidth = 8.6; // an average bold character of the 14px axis names (zelfscan.css)
      // Each axis is named "4 Feedback"; the box widens until the longest name fits beside the chart.
      var labels = model.dimensions.map(function (dim) {
        return dim.short_title ? dim.number + " " + dim.short_title : String(dim.number);
      });
      var longest = Math.max.apply(null, labels.map(function (label) { return label.length; }));
      var pad = Math.max(0, Math.ceil(radius + gap + charWidth * longest - centre));
      var low = model.scale[0].value, high = model.scale[model.scale.length - 1].value;
      var count = model.dimensions.length;
      function at(i, value, extra) {
        var r = value === null ? 0 : radius * (value - low + 1) / (high - low + 1);
        var angle = -Math.PI / 2 + 2 * Math.PI * i / count;
        return [centre + Math.cos(angle) * (r + (extra || 0)), centre + Math.sin(angle) * (r + (extra || 0))];
      }
      function points(values) {
        return values.map(function (v, i) { return at(i, v).map(function (n) { return n.toFixed(1); }).join(","); }).join(" ");
      }
      var chart = svg("svg", { viewBox: -pad + " 0 " + (size + 2 * pad) + " " + size, role: "img", "aria-labelledby": id + "-title",
                               class: "lo-zs-radar" });
      chart.appendChild(svg("title", { id: id + "-title" }, [title]));
      model.scale.forEach(function (option) {
        chart.appendChild(svg("polygon", { class: "lo-zs-grid", points: points(model.dimensions.map(function () { return option.value; })) }));
      });
      model.dimensions.forEach(function (dim, i) {
        var end = at(i, high), label = at(i, high, gap);
        chart.appendChild(svg("line", { class: "lo-zs-grid", x1: centre, y1: centre, x2: end[0], y2: end[1] }));
        var side = Math.abs(label[0] - centre) < 1 ? "middle" : label[0] > centre ? "start" : "end";
        chart.appendChild(svg("text", { x: label[0], y: label[1], class: "lo-zs-axis", "text-anchor": side,
                                        "dominant-baseline": "middle" }, [labels[i]]));
      });
      series.forEach(function (line) {
        chart.appendChild(svg("polygon", { class: "lo-zs-series lo-zs-series--" + line.kind, points: points(line.values) }));
        line.values.forEach(function (v, i) {
          if (v === null) return;
          var p = at(i, v);
          chart.appendChild(svg("circle", { class: "lo-zs-dot lo-zs-series--" + line.kind, cx: p[0], cy: p[1], r: 3.5 }));
        });
      });
      return chart;
    }

    function chartLegend(items) {
      return el("ul", { class: "lo-zs-legend" }, items.map(function (item) {
        return el("li", { class: "lo-zs-legend--" + item[0] }, [item[1]]);
      }));
    }

    function renderResults(doc) {
      var scores = Score.dimensionScores(doc, model);
      var any = scores.some(function (s) { return s.answered || s.dontKnow; });
      var table = $("zs-score-table");
      var chart = $("zs-radar");
      $("zs-results").classList.toggle("lo-zs-has-results", any);
      $("zs-results-empty").hidden = any;
      table.parentNode.hidden = !any;
      chart.hidden = !any;
      var tbody = table.tBodies[0];
      tbody.textContent = "";
      scores.forEach(function (s) {
        tbody.appendChild(el("tr", {}, [
          el("th", { scope: "row" }, [dimensionLabel(s)]),
          el("td", {}, [Score.formatScore(s.mean)]),
          el("td", {}, [s.answered + " van " + s.statements]),
          el("td", {}, [String(s.dontKnow)])
        ]));
      });
      chart.textContent = "";
      if (any) {
        var series = [{ kind: "current", values: scores.map(function (s) { return s.mean; }) }];
        var legend = [["current", "Nu"]];
        if (baseline) {
          series.unshift({ kind: "baseline", values: Score.dimensionScores(baseline.doc, model).map(function (s) { return s.mean; }) });
          legend.push(["baseline", "Eerdere meting"]);
        }
        chart.appendChild(radar("zs-radar", "Radardiagram van je gemiddelde score per dimensie; de tabel geeft dezelfde cijfers.", series));
        if (legend.length > 1) chart.appendChild(chartLegend(legend));
      }
      renderNext(scores);
    }

    function renderNext(scores) {
      var lowest = Score.lowest(scores, 3);
      var fromTeam = Boolean(teamView && teamView.hasTeam());
      var key = fromTeam ? "team" : lowest.map(function (s) { return s.id; }).join(" ");
      if (key === nextKey) return;
      nextKey = key;
      var box = $("zs-next");
      box.textContent = "";
      if (fromTeam) {
        box.appendChild(el("p", {}, ["Er is een teamresultaat: de volgende stappen en het plan gaan nu uit van het team. Zie ",
          el("a", { href: "#zs-team-next-title" }, ["Volgende stappen voor het team"]), "."]));
        return;
      }
      if (!lowest.length) {
        box.appendChild(el("p", {}, ["Zodra je uitspraken hebt gescoord, zie je hier met welke dimensies je kunt beginnen."]));
        return;
      }
      box.appendChild(el("p", {}, ["Deze dimensies scoren bij jou het laagst. Bekijk hun ontwikkelsuggesties, vink aan wat je wilt " +
        "oppakken en zet het in het actieplan."]));
      lowest.forEach(function (s) {
        var dim = dimensionsById.get(s.id);
        var options = dim.suggestions.map(function (title, i) {
          var id = "zs-suggest-" + dim.id + "-" + i;
          return el("label", { for: id }, [
            el("input", { type: "checkbox", id: id, "data-suggestion": title, "data-dimension": dim.id }), " ", title
          ]);
        });
        box.appendChild(el("fieldset", { class: "lo-zs-next-dim" }, [
          el("legend", {}, [dimensionLabel(dim) + " (gemiddeld " + Score.formatScore(s.mean) + ")"]),
          el("p", { class: "lo-zs-screen" }, [el("a", { href: dim.url + "#ontwikkelsuggesties" }, ["Ontwikkelsuggesties bij " + dimensionLabel(dim)])]),
          el("div", { class: "lo-zs-options lo-zs-options--stacked" }, options)
        ]));
      });
      box.appendChild(el("p", { class: "lo-zs-screen" }, [el("button", { type: "button", class: "md-button", "data-action": "to-plan" },
                                      ["Zet aangevinkte suggesties in het actieplan"])]));
    }

    function suggestionsToPlan() {
      var ticked = all("input[data-suggestion]:checked");
      if (!ticked.length) {
        say(nextStatus, "Vink eerst een of meer suggesties aan.", true);
        return;
      }
      var whats = function () { return all('textarea[data-plan="what"]', planBody); };
      var added = 0;
      ticked.forEach(function (box) {
        var dim = dimensionsById.get(box.dataset.dimension);
        var text = box.dataset.suggestion + " (" + dimensionLabel(dim) + ")";
        var priority = form.querySelector('input[name=priority][value="' + dim.id + '"]');
        if (priority) priority.checked = true;
        box.checked = false;
        if (whats().some(function (area) { return area.value.trim() === text; })) return;
        var empty = whats().filter(function (area) { return area.value.trim() === ""; })[0];
        (empty || addPlanRow().querySelector('[data-plan="what"]')).value = text;
        added += 1;
      });
      update();
      say(nextStatus, added + " suggestie(s) in het actieplan gezet, onder Prioriteiten en actieplan.");
    }

    /* ---------- files ---------- */

    function loadFiles(files) {
      return Promise.all(Array.prototype.map.call(files, function (file) {
        return Store.readFile(file).then(function (read) {
          if (read.error) return { name: file.name, error: read.error };
          var parsed = Score.parseDocument(read.data, model, "'" + file.name + "'");
          if (parsed.error) return { name: file.name, error: parsed.error };
          return { name: file.name, doc: parsed.doc, notes: parsed.notes };
        });
      }));
    }

    /* ---------- over time ---------- */

    function renderTime(current) {
      var box = $("zs-time-result");
      box.textContent = "";
      $("zs-time-view").classList.toggle("lo-zs-has-results", Boolean(baseline));
      if (!baseline) return;
      var when = baseline.doc.date || (baseline.doc.savedAt ? window.LoFormat.localDate(new Date(baseline.doc.savedAt)) : baseline.name);
      var rows = Score.compare(baseline.doc, current, model).map(function (row) {
        return el("tr", {}, [
          el("th", { scope: "row" }, [dimensionLabel(row)]),
          el("td", {}, [Score.formatScore(row.before)]),
          el("td", {}, [Score.formatScore(row.after)]),
          el("td", {}, [signed(row.change)])
        ]);
      });
      box.appendChild(el("div", { class: "lo-zs-scroll", role: "region", "aria-label": "Tabel eerdere meting en nu", tabindex: "0" }, [
        el("table", { class: "lo-zs-table", id: "zs-time-table" }, [
          el("caption", {}, ["Eerdere meting (" + when + ") en nu, gemiddelde per dimensie"]),
          el("thead", {}, [el("tr", {}, ["Dimensie", "Eerder", "Nu", "Verschil"].map(function (h) {
            return el("th", { scope: "col" }, [h]);
          }))]),
          el("tbody", {}, rows)
        ])
      ]));
      box.appendChild(el("p", {}, ["De eerdere meting staat ook als stippellijn in het radardiagram onder Jouw resultaat."]));
      box.appendChild(el("p", { class: "lo-zs-screen" }, [el("button", { type: "button", class: "md-button", "data-action": "baseline-clear" },
                                      ["Verwijder eerdere meting"])]));
    }

    function setBaseline(files) {
      loadFiles([files[0]]).then(function (results) {
        var result = results[0];
        if (result.error) { say(timeStatus, result.error, true); return; }
        baseline = { name: result.name, doc: result.doc };
        var problem = baselineSlot.update(function () { return baseline; }).error;
        update();
        say(timeStatus, "Eerdere meting '" + result.name + "' geladen. " + result.notes.join(" ") + (problem ? " " + problem : ""),
            Boolean(problem));
      });
    }

    /* ---------- actions ---------- */

    function renderAll(doc) {
      renderResults(doc);
      renderTime(doc);
    }

    function update() {
      renderAll(save(readForm()));
      if (teamView) teamView.ownChanged();
    }

    function exportFile(kind) {
      var doc = readForm();
      var stamp = window.LoFormat.localDate();
      if (kind === "json") {
        Store.download("zelfscan-" + stamp + ".json", JSON.stringify(doc, null, 2), "application/json");
      } else {
        Store.download("zelfscan-" + stamp + ".csv", Score.toCsv(doc, model), "text/csv;charset=utf-8");
      }
      say(status, "Je antwoorden zijn geëxporteerd naar zelfscan-" + stamp + "." + kind + ".");
    }

    function importAnswers(files) {
      loadFiles([files[0]]).then(function (results) {
        var result = results[0];
        var unchanged = " Je huidige antwoorden zijn niet veranderd.";
        if (!result.error && !Score.hasContent(result.doc)) {
          result.error = "'" + result.name + "' bevat geen antwoorden, notities of acties die deze zelfscan kent. " + result.notes.join(" ");
        }
        if (result.error) {
          say(status, result.error + unchanged, true);
          return;
        }
        var current = readForm();
        if ((Score.hasContent(current) || current.team || current.name || current.date) && !window.confirm(
            "Je huidige antwoorden (" + Score.answered(current) + " uitspraken, met je notities en actieplan) worden " +
            "vervangen door die uit '" + result.name + "' (" + Score.answered(result.doc) + " uitspraken). Doorgaan?")) {
          say(status, "Importeren afgebroken; je huidige antwoorden zijn niet veranderd.");
          return;
        }
        fillForm(result.doc);
        var stored = answersSlot.update(function () { return result.doc; });
        renderAll(result.doc);
        say(status, stored.error ? "De antwoorden uit '" + result.name + "' staan op de pagina. " + stored.error
                                 : "Antwoorden uit '" + result.name + "' geladen. " + result.notes.join(" "), Boolean(stored.error));
      });
    }

    function clearAll() {
      if (!window.confirm("Weet je zeker dat je al je antwoorden, notities, het actieplan en de geladen resultaten wilt wissen? " +
                          "Dit kan niet ongedaan worden gemaakt.")) return;
      answersSlot.remove();
      baselineSlot.remove();
      baseline = null;
      respondent = Score.newRespondentId();
      teamView.clear();
      fillForm(Score.emptyDocument(model));
      renderAll(readForm());
      say(timeStatus, "");
      say(status, "Alles is gewist.");
    }

    /* ---------- start: first what is stored, then what saves ---------- */

    function loadStored() {
      var stored = answersSlot.read();
      if (stored.error) {
        say(status, stored.error + (stored.unreadable ? " " + answersSlot.messages.keeping : ""), true);
      } else if (stored.value) {
        fillForm(stored.value);
        if (stored.notes.length) say(status, "Je bewaarde antwoorden zijn geladen. " + stored.notes.join(" "));
      }
      loadStoredBaseline();
    }

    function loadStoredBaseline() {
      var stored = baselineSlot.read().value;
      var parsed = stored && stored.doc ? Score.parseDocument(stored.doc, model) : {};
      baseline = parsed.doc ? { name: String(stored.name), doc: parsed.doc } : null;
    }

    /** Buttons, file choosers, typing and other tabs: everything that can lead to a save. */
    function attach() {
      var actions = {
        "export-json": function () { exportFile("json"); },
        "export-csv": function () { exportFile("csv"); },
        "print": function () { window.print(); },
        "clear": clearAll,
        "add-row": function () { addPlanRow().querySelector("textarea").focus(); },
        "to-plan": suggestionsToPlan,
        "baseline-clear": function () {
          baseline = null;
          baselineSlot.remove();
          update();
          say(timeStatus, "De eerdere meting is verwijderd.");
        }
      };

      root.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.dataset.action && actions[button.dataset.action]) actions[button.dataset.action]();
        if (button.dataset.choose) $(button.dataset.choose).click();
      });

      function onFiles(id, handler) {
        var input = $(id);
        input.addEventListener("change", function () {
          if (input.files.length) handler(input.files);
          input.value = "";  // choosing the same file again must work too
        });
      }
      onFiles("zs-import-file", importAnswers);
      onFiles("zs-baseline-file", setBaseline);

      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.addEventListener("input", function (event) {
        if (!event.target.matches("[data-suggestion]")) update();
      });

      var stopAnswers = answersSlot.watch(followOtherTab);
      var stopBaseline = baselineSlot.watch(function () {
        loadStoredBaseline();
        renderAll(readForm());
      });
      stopWatching = function () { stopAnswers(); stopBaseline(); };
    }

    loadStored();
    renderAll(readForm());
    attach();
    teamView = window.ZelfscanTeamView.start({ model: model, ownDocument: readForm, changed: function () {
      renderNext(Score.dimensionScores(readForm(), model));
    } });
    var stopOwn = stopWatching;
    stopWatching = function () { stopOwn(); teamView.stop(); };
    all(".lo-zs-js").forEach(function (node) { node.hidden = false; });
  }
})();
