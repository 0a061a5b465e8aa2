/*
 * The self-check in the browser: keeps answers in localStorage, shows the result (radar chart and table),
 * next steps, the team view and the comparison with an earlier export. Without this script the page is
 * the paper form. Arithmetic and the file format live in zelfscan-score.js; storage and files in lo-store.js.
 */
(function () {
  "use strict";

  /* Material announces every page it shows (also after instant navigation) through document$. */
  if (window.document$) window.document$.subscribe(start); else start();

  function start() {
    var root = document.getElementById("zs-root");
    if (!root) return;

    var Score = window.ZelfscanScore;
    var Store = window.LoStore;
    var KEY = "lo-zelfscan";
    var BASELINE_KEY = "lo-zelfscan-eerdere-meting";
    var SVG_NS = "http://www.w3.org/2000/svg";
    var model = JSON.parse(document.getElementById("zs-model").textContent);
    var form = document.getElementById("zs-form");
    var planBody = document.getElementById("zs-plan-rows");
    var paperRows = planBody.rows.length;
    var status = document.getElementById("zs-status");
    var nextStatus = document.getElementById("zs-next-status");
    var teamStatus = document.getElementById("zs-team-status");
    var timeStatus = document.getElementById("zs-time-status");
    var dimensionsById = {};
    model.dimensions.forEach(function (dim) { dimensionsById[dim.id] = dim; });

    var team = [];         // [{name, doc}] loaded in this visit only
    var OWN = "mijn eigen antwoorden";
    var baseline = null;   // {name, doc}, kept in localStorage like the answers
    var nextKey = null;    // which dimensions the next steps show, so ticks survive typing elsewhere

    /* ---------- small helpers ---------- */

    function all(selector, within) {
      return Array.prototype.slice.call((within || root).querySelectorAll(selector));
    }

    function el(tag, attributes, children) {
      var node = document.createElement(tag);
      Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
      (children || []).forEach(function (child) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      });
      return node;
    }

    function say(region, message, isError) {
      region.textContent = message;
      region.classList.toggle("lo-zs-error", Boolean(isError));
    }

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
      doc.dimensions.forEach(function (dim) {
        dim.answers.forEach(function (answer) {
          var value = answer.value === null ? "?" : String(answer.value);
          var radio = form.querySelector('input[name="zs-' + dim.id + "-" + answer.index + '"][value="' + value + '"]');
          if (radio) radio.checked = true;
        });
        all('textarea[data-dimension="' + dim.id + '"]', form).forEach(function (area) { area.value = dim[area.dataset.note]; });
      });
      all("input[name=priority]", form).forEach(function (box) { box.checked = doc.priorities.indexOf(box.value) !== -1; });
      while (planBody.rows.length < doc.plan.length) addPlanRow();
      doc.plan.forEach(function (item, i) {
        all("[data-plan]", planBody.rows[i]).forEach(function (area) { area.value = item[area.dataset.plan]; });
      });
    }

    function hasContent(doc) {
      return Boolean(doc.team || doc.name || doc.date || doc.plan.length || doc.priorities.length) ||
        doc.dimensions.some(function (d) { return d.answers.length || d.good || d.better; });
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

    function save(doc) {
      var problem = Store.write(KEY, doc);
      if (problem) say(status, problem, true);
    }

    /* ---------- result: radar chart, table, next steps ---------- */

    /** An inline SVG radar chart of `series` ([{kind, values}]); `title` names it for screen readers. */
    function radar(id, title, series) {
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
      function svg(tag, attributes) {
        var node = document.createElementNS(SVG_NS, tag);
        Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        return node;
      }
      function points(values) {
        return values.map(function (v, i) { return at(i, v).map(function (n) { return n.toFixed(1); }).join(","); }).join(" ");
      }
      var chart = svg("svg", { viewBox: -pad + " 0 " + (size + 2 * pad) + " " + size, role: "img", "aria-labelledby": id + "-title",
                               class: "lo-zs-radar" });
      var name = svg("title", { id: id + "-title" });
      name.textContent = title;
      chart.appendChild(name);
      model.scale.forEach(function (option) {
        chart.appendChild(svg("polygon", { class: "lo-zs-grid", points: points(model.dimensions.map(function () { return option.value; })) }));
      });
      model.dimensions.forEach(function (dim, i) {
        var end = at(i, high), label = at(i, high, gap);
        chart.appendChild(svg("line", { class: "lo-zs-grid", x1: centre, y1: centre, x2: end[0], y2: end[1] }));
        var side = Math.abs(label[0] - centre) < 1 ? "middle" : label[0] > centre ? "start" : "end";
        var text = svg("text", { x: label[0], y: label[1], class: "lo-zs-axis", "text-anchor": side, "dominant-baseline": "middle" });
        text.textContent = labels[i];
        chart.appendChild(text);
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
      var table = document.getElementById("zs-score-table");
      var chart = document.getElementById("zs-radar");
      document.getElementById("zs-results").classList.toggle("lo-zs-has-results", any);
      document.getElementById("zs-results-empty").hidden = any;
      table.hidden = !any;
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
      var key = lowest.map(function (s) { return s.id; }).join(" ");
      if (key === nextKey) return;
      nextKey = key;
      var box = document.getElementById("zs-next");
      box.textContent = "";
      if (!lowest.length) {
        box.appendChild(el("p", {}, ["Zodra je uitspraken hebt gescoord, zie je hier met welke dimensies je kunt beginnen."]));
        return;
      }
      box.appendChild(el("p", {}, ["Deze dimensies scoren bij jou het laagst. Bekijk hun ontwikkelsuggesties, vink aan wat je wilt " +
        "oppakken en zet het in het actieplan."]));
      lowest.forEach(function (s) {
        var dim = dimensionsById[s.id];
        var options = dim.suggestions.map(function (title, i) {
          var id = "zs-suggest-" + dim.id + "-" + i;
          return el("label", { for: id }, [
            el("input", { type: "checkbox", id: id, "data-suggestion": title, "data-dimension": dim.id }), " ", title
          ]);
        });
        box.appendChild(el("fieldset", { class: "lo-zs-next-dim" }, [
          el("legend", {}, [dimensionLabel(dim) + " (gemiddeld " + Score.formatScore(s.mean) + ")"]),
          el("p", {}, [el("a", { href: dim.url + "#ontwikkelsuggesties" }, ["Ontwikkelsuggesties bij " + dimensionLabel(dim)])]),
          el("div", { class: "lo-zs-options lo-zs-options--stacked" }, options)
        ]));
      });
      box.appendChild(el("p", {}, [el("button", { type: "button", class: "md-button", "data-action": "to-plan" },
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
        var dim = dimensionsById[box.dataset.dimension];
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

    /* ---------- team view ---------- */

    function loadFiles(files) {
      return Promise.all(Array.prototype.map.call(files, function (file) {
        return Store.readJsonFile(file).then(function (read) {
          if (read.error) return { name: file.name, error: read.error };
          var parsed = Score.parseDocument(read.data, model);
          if (parsed.error) return { name: file.name, error: "'" + file.name + "': " + parsed.error };
          return { name: file.name, doc: parsed.doc, notes: parsed.notes };
        });
      }));
    }

    function addTeamFiles(files) {
      loadFiles(files).then(function (results) {
        var messages = [], errors = 0, added = 0;
        results.forEach(function (result) {
          if (result.error) { errors += 1; messages.push(result.error); return; }
          if (team.some(function (member) { return member.name === result.name; })) {
            messages.push("'" + result.name + "' was al geladen en telt maar één keer mee.");
            return;
          }
          team.push({ name: result.name, doc: result.doc });
          added += 1;
          if (result.notes.length) messages.push("'" + result.name + "': " + result.notes.join(" "));
        });
        renderTeam();
        say(teamStatus, added + " bestand(en) toegevoegd; het teamresultaat telt nu " + team.length + " deelnemer(s). " +
            messages.join(" "), errors > 0);
      });
    }

    /** The answers on this page join the team view (again, when they changed since). */
    function addOwnAnswers() {
      var own = { name: OWN, doc: readForm() };
      var replaced = team.some(function (member) { return member.name === OWN; });
      team = team.filter(function (member) { return member.name !== OWN; }).concat([own]);
      renderTeam();
      say(teamStatus, (replaced ? "Je eigen antwoorden zijn bijgewerkt" : "Je eigen antwoorden tellen mee") +
          "; het teamresultaat telt nu " + team.length + " deelnemer(s).");
    }

    function renderTeam() {
      var box = document.getElementById("zs-team-result");
      box.textContent = "";
      document.getElementById("zs-team-view").classList.toggle("lo-zs-has-results", team.length > 0);
      if (!team.length) return;
      var result = Score.team(team.map(function (member) { return member.doc; }), model, 3);
      var rows = result.rows.map(function (row) {
        return el("tr", {}, [
          el("th", { scope: "row" }, [dimensionLabel(row)]),
          el("td", {}, [Score.formatScore(row.mean)]),
          el("td", {}, [Score.formatScore(row.min)]),
          el("td", {}, [Score.formatScore(row.max)]),
          el("td", {}, [Score.formatScore(row.spread)]),
          el("td", {}, [String(row.members)])
        ]);
      });
      var chart = el("div", { class: "lo-zs-chart" }, [
        radar("zs-team-radar", "Radardiagram van het teamresultaat: gemiddelde, laagste en hoogste score per dimensie; " +
              "de tabel geeft dezelfde cijfers.", ["min", "max", "mean"].map(function (field) {
          return { kind: "team-" + field, values: result.rows.map(function (row) { return row[field]; }) };
        })),
        chartLegend([["team-mean", "Gemiddelde"], ["team-min", "Laagste"], ["team-max", "Hoogste"]])
      ]);
      box.appendChild(chart);
      box.appendChild(el("table", { class: "lo-zs-table", id: "zs-team-table" }, [
        el("caption", {}, ["Teamresultaat per dimensie (" + team.length + " deelnemer(s))"]),
        el("thead", {}, [el("tr", {}, ["Dimensie", "Gemiddelde", "Laagste", "Hoogste", "Verschil", "Deelnemers"].map(function (h) {
          return el("th", { scope: "col" }, [h]);
        }))]),
        el("tbody", {}, rows)
      ]));
      box.appendChild(el("h3", {}, ["Gespreksstarters: hier verschillen jullie het meest"]));
      if (!result.starters.length) {
        box.appendChild(el("p", {}, [team.length > 1
          ? "Jullie scores liggen per dimensie op dezelfde hoogte. Bespreek waarom: zien jullie hetzelfde, of kijken jullie op dezelfde manier?"
          : "Laad de bestanden van minstens twee teamleden om te zien waar jullie verschillen."]));
      } else {
        box.appendChild(el("ol", { id: "zs-starters" }, result.starters.map(function (row) {
          var dim = dimensionsById[row.id];
          var item = el("li", {}, [
            el("strong", {}, [dimensionLabel(dim)]),
            ": de scores lopen uiteen van " + Score.formatScore(row.min) + " tot " + Score.formatScore(row.max) + ". "
          ]);
          if (dim.question) {
            item.appendChild(document.createTextNode("Vraag voor het gesprek: "));
            item.appendChild(el("a", { href: dim.url + "#vragen" }, [dim.question]));
          }
          return item;
        })));
      }
      box.appendChild(el("p", { class: "lo-zs-screen" }, ["Geladen: " + team.map(function (member) { return member.name; }).join(", ") + "."]));
      box.appendChild(el("p", { class: "lo-zs-screen" }, [el("button", { type: "button", class: "md-button", "data-action": "team-clear" },
                                      ["Wis teamresultaat"])]));
    }

    /* ---------- over time ---------- */

    function renderTime(current) {
      var box = document.getElementById("zs-time-result");
      box.textContent = "";
      document.getElementById("zs-time-view").classList.toggle("lo-zs-has-results", Boolean(baseline));
      if (!baseline) return;
      var when = baseline.doc.date || (baseline.doc.savedAt || "").slice(0, 10) || baseline.name;
      var rows = Score.compare(baseline.doc, current, model).map(function (row) {
        return el("tr", {}, [
          el("th", { scope: "row" }, [dimensionLabel(row)]),
          el("td", {}, [Score.formatScore(row.before)]),
          el("td", {}, [Score.formatScore(row.after)]),
          el("td", {}, [signed(row.change)])
        ]);
      });
      box.appendChild(el("table", { class: "lo-zs-table", id: "zs-time-table" }, [
        el("caption", {}, ["Eerdere meting (" + when + ") en nu, gemiddelde per dimensie"]),
        el("thead", {}, [el("tr", {}, ["Dimensie", "Eerder", "Nu", "Verschil"].map(function (h) {
          return el("th", { scope: "col" }, [h]);
        }))]),
        el("tbody", {}, rows)
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
        var problem = Store.write(BASELINE_KEY, baseline);
        update();
        say(timeStatus, "Eerdere meting '" + result.name + "' geladen. " + result.notes.join(" ") + (problem ? " " + problem : ""),
            Boolean(problem));
      });
    }

    /* ---------- actions ---------- */

    function update() {
      var doc = readForm();
      save(doc);
      renderResults(doc);
      renderTime(doc);
    }

    function exportFile(kind) {
      var doc = readForm();
      var stamp = new Date().toISOString().slice(0, 10);
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
        if (result.error) {
          say(status, result.error + " Je huidige antwoorden zijn niet veranderd.", true);
          return;
        }
        if (hasContent(readForm()) &&
            !window.confirm("Je huidige antwoorden worden vervangen door die uit '" + result.name + "'. Doorgaan?")) {
          say(status, "Importeren afgebroken; je huidige antwoorden zijn niet veranderd.");
          return;
        }
        fillForm(result.doc);
        update();
        say(status, "Antwoorden uit '" + result.name + "' geladen. " + result.notes.join(" "));
      });
    }

    function clearAll() {
      if (!window.confirm("Weet je zeker dat je al je antwoorden, notities, het actieplan en de geladen resultaten wilt wissen? " +
                          "Dit kan niet ongedaan worden gemaakt.")) return;
      Store.remove(KEY);
      Store.remove(BASELINE_KEY);
      team = [];
      baseline = null;
      fillForm(Score.emptyDocument(model));
      renderTeam();
      renderResults(readForm());
      renderTime(readForm());
      say(teamStatus, "");
      say(timeStatus, "");
      say(status, "Alles is gewist.");
    }

    var actions = {
      "export-json": function () { exportFile("json"); },
      "export-csv": function () { exportFile("csv"); },
      "print": function () { window.print(); },
      "clear": clearAll,
      "add-row": function () { addPlanRow().querySelector("textarea").focus(); },
      "to-plan": suggestionsToPlan,
      "team-own": addOwnAnswers,
    "team-clear": function () { team = []; renderTeam(); say(teamStatus, "Het teamresultaat is gewist."); },
      "baseline-clear": function () {
        baseline = null;
        Store.remove(BASELINE_KEY);
        update();
        say(timeStatus, "De eerdere meting is verwijderd.");
      }
    };

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.action && actions[button.dataset.action]) actions[button.dataset.action]();
      if (button.dataset.choose) document.getElementById(button.dataset.choose).click();
    });

    function onFiles(id, handler) {
      var input = document.getElementById(id);
      input.addEventListener("change", function () {
        if (input.files.length) handler(input.files);
        input.value = "";  // choosing the same file again must work too
      });
    }
    onFiles("zs-import-file", importAnswers);
    onFiles("zs-team-files", addTeamFiles);
    onFiles("zs-baseline-file", setBaseline);

    var drop = document.getElementById("zs-team-view");
    drop.addEventListener("dragover", function (event) {
      event.preventDefault();
      drop.classList.add("lo-zs-dragging");
    });
    drop.addEventListener("dragleave", function () { drop.classList.remove("lo-zs-dragging"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("lo-zs-dragging");
      if (event.dataTransfer.files.length) addTeamFiles(event.dataTransfer.files);
    });

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      if (!event.target.matches("[data-suggestion]")) update();
    });

    /* ---------- start ---------- */

    all(".lo-zs-js").forEach(function (node) { node.hidden = false; });
    var stored = Store.read(KEY);
    if (stored.error) {
      say(status, stored.error + " Je kunt gewoon beginnen of een exportbestand importeren.", true);
    } else if (stored.value) {
      var parsed = Score.parseDocument(stored.value, model);
      if (parsed.error) {
        say(status, "De bewaarde antwoorden in deze browser konden niet worden gelezen: " + parsed.error, true);
      } else {
        fillForm(parsed.doc);
        if (parsed.notes.length) say(status, "Je bewaarde antwoorden zijn geladen. " + parsed.notes.join(" "));
      }
    }
    var storedBaseline = Store.read(BASELINE_KEY);
    if (storedBaseline.value && storedBaseline.value.doc) {
      var parsedBaseline = Score.parseDocument(storedBaseline.value.doc, model);
      if (parsedBaseline.doc) baseline = { name: String(storedBaseline.value.name), doc: parsedBaseline.doc };
    }
    var initial = readForm();
    renderResults(initial);
    renderTime(initial);
  }
})();
