/*
 * The team part of the self-check page: a member shares answers as a code, link or QR code; a leader collects
 * codes, files and paper forms, sees the team result, decides next steps and a team plan, and compares with an
 * earlier round. zelfscan.js starts it. The logic lives in zelfscan-team.js; the answer codes (zelfscan-code.js),
 * the QR encoder, the CSV reader and the survey part (zelfscan-survey-view.js: survey exports, results per ROL and TEAM)
 * load only when they are needed. The team is kept in localStorage, merged with what another
 * tab stored, like the answers.
 */
var ZelfscanTeamView = (function (Dom, Store, Format, Score, Team) {
  "use strict";

  var el = Dom.el, $ = Dom.$, say = Dom.announce;
  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var loading = {};

  /** Load a classic script next to this one (e.g. "zelfscan-csv.js") once, when it is first needed. */
  function loadScript(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = el("script", { src: new URL(path, scriptUrl).href });
        script.onload = resolve;
        script.onerror = function () { delete loading[path]; script.remove(); reject(new Error(path)); };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  /** Run `use(ZelfscanCode)` once the answer-code script is there; say so in `region` when it cannot load. */
  function withCode(region, use) {
    loadScript("zelfscan-code.js").then(function () { use(window.ZelfscanCode); }, function () {
      say(region, "Dit onderdeel kon niet worden geladen. Herlaad de pagina en probeer het opnieuw.", true);
    });
  }

  function label(dim) {
    return dim.number + ". " + dim.title;
  }

  function score(value) {
    return Score.formatScore(value);
  }

  /** options: {model, ownDocument() -> the page's own answers (with respondent id), changed() after the team changed} */
  function start(options) {
    var model = options.model;
    var dims = model.dimensions.slice().sort(function (a, b) { return a.number - b.number; });
    var byId = new Map(dims.map(function (dim) { return [dim.id, dim]; }));
    var view = $("zs-team-view"), status = $("zs-team-status"), result = $("zs-team-result");
    var paperRows = $("zs-paper-rows"), paperCount = $("zs-paper-count"), codes = $("zs-codes");
    var planBox = $("zs-team-plan"), planBody = $("zs-team-plan-rows");
    var baselineStatus = $("zs-team-baseline-status"), shareStatus = $("zs-share-status");
    var next = el("div", { class: "lo-zs-team-next", id: "zs-team-next" });
    result.after(next);

    function parseTeam(raw) {
      var read = Team.parseFile(raw, model);
      return read.error ? read : { value: read.team, notes: read.notes };
    }
    var teamSlot = Store.open("lo-zelfscan-team", { parse: parseTeam, serialize: function (team) { return Team.toFile(team, model); },
      words: { what: "het teamresultaat", plural: false, clear: "Wis teamresultaat" } });
    var baselineSlot = Store.open("lo-zelfscan-team-eerdere-ronde", { parse: function (raw) {
      var read = raw && parseTeam(raw.file);
      return !read || read.error ? { problem: "damaged" } : { value: { name: String(raw.name), team: read.value } };
    }, serialize: function (b) { return { name: b.name, file: Team.toFile(b.team, model) }; },
      words: { what: "de eerdere ronde", plural: false, clear: "Verwijder eerdere ronde" } });

    var team = Team.empty(model), baseline = null, nextKey = null;

    /* ---------- keeping the team ---------- */

    /** Store the team, merged with what another tab stored since; shows the merged team when it differs. */
    function save() {
      team.savedAt = new Date().toISOString();
      var stored = teamSlot.update(function (theirs, base) { return Team.mergeTabs(base, team, theirs, model); });
      if (stored.error) { say(status, stored.error, true); return stored; }
      if (stored.changedElsewhere) {
        team = stored.value;
        renderPaper();
        renderPlan();
      }
      return stored;
    }

    function changed() {
      save();
      render();
    }

    /** Add respondents (a code, files, own answers) and say who was new and who was replaced. */
    function add(incoming, what) {
      var merged = Team.merge(team.respondents, incoming);
      team.respondents = merged.respondents;
      changed();
      renderPaper();
      var message = what(merged.added.length) + " Het teamresultaat telt nu " + counted().length + " deelnemer(s).";
      merged.replaced.forEach(function (r) {
        message += r.respondent.source === "eigen" && r.previous.source === "eigen" ? " Je eigen antwoorden zijn bijgewerkt."
          : " " + who(r.respondent) + " is dezelfde persoon als " + who(r.previous) + ": de eerdere antwoorden zijn vervangen.";
      });
      return message;
    }

    function who(r) {
      return r.source === "code" ? "Antwoordcode " + r.label : r.source === "eigen" ? "Je eigen antwoorden" : "'" + r.label + "'";
    }

    function counted() {
      return Team.members(team, model).filter(function (r) {
        return r.dimensions.some(function (d) { return d.answers.length || d.good || d.better; });
      });
    }

    /* ---------- collecting: codes ---------- */

    function addCodes(Code) {
      var read = Code.parse(codes.value, model);
      if (read.error) { say(status, read.error, true); codes.focus(); return; }
      var incoming = read.entries.map(function (entry) {
        return Team.respondent({ id: entry.respondent, source: "code", label: entry.respondent, dimensions: entry.dimensions });
      });
      codes.value = "";
      say(status, add(incoming, function (n) { return n + " antwoordcode(s) toegevoegd."; }));
    }

    /* ---------- collecting: files ---------- */

    function readText(file) {
      return file.size > 5 * 1024 * 1024
        ? Promise.resolve({ error: "'" + file.name + "' is te groot (meer dan 5 MB) voor een exportbestand." })
        : file.text().then(function (text) { return { text: text }; }, function () {
          return { error: "'" + file.name + "' kon niet worden gelezen." };
        });
    }

    /** One file as {respondents, notes} or {error}: a member's export (JSON or CSV) or a team file. */
    function readOne(file) {
      var name = "'" + file.name + "'";
      if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
        return Promise.all([loadScript("zelfscan-csv.js"), readText(file)]).then(function (done) {
          if (done[1].error) return done[1];
          var read = window.ZelfscanCsv.readExport(done[1].text, model, file.name);
          return read.error ? read : { respondents: [Team.fromDocument(read.doc, "file", file.name)], notes: read.notes };
        }, function () { return { error: name + " kon niet worden gelezen: het onderdeel voor CSV laadde niet." }; });
      }
      return Store.readFile(file).then(function (read) {
        if (read.error) return read;
        if (read.data && Team.isTeamFile(read.data)) {
          var teamFile = Team.parseFile(read.data, model, name);
          return teamFile.error ? teamFile : { respondents: teamFile.team.respondents, surveys: teamFile.team.surveys, notes: teamFile.notes };
        }
        var doc = Score.parseDocument(read.data, model, name);
        return doc.error ? doc : { respondents: [Team.fromDocument(doc.doc, "file", file.name)], notes: doc.notes };
      });
    }

    function addFiles(files) {
      Promise.all(Array.prototype.map.call(files, readOne)).then(function (reads) {
        var incoming = [], messages = [], errors = 0;
        reads.forEach(function (read, i) {
          if (read.error) { errors += 1; messages.push(read.error); return; }
          incoming = incoming.concat(read.respondents);
          team.surveys = Team.joinSurveys(team.surveys, read.surveys || []);
          if (read.notes.length) messages.push("'" + files[i].name + "': " + read.notes.join(" "));
        });
        var summary = add(incoming, function (n) { return n + " deelnemer(s) uit " + (reads.length - errors) + " bestand(en) toegevoegd."; });
        say(status, summary + (messages.length ? " " + messages.join(" ") : ""), errors > 0);
      });
    }

    function addOwn() {
      var doc = options.ownDocument();
      if (!Score.answered(doc)) { say(status, "Beantwoord eerst een of meer uitspraken in de zelfscan hierboven.", true); return; }
      say(status, add([Team.fromDocument(doc, "eigen", "mijn eigen antwoorden")], function (n) {
        return n ? "Je eigen antwoorden tellen mee." : "";
      }).trim());
    }

    /* ---------- collecting: paper forms ---------- */

    function paper() {
      return team.respondents.filter(function (r) { return r.source === "paper"; });
    }

    function answersOf(r, dimId) {
      var d = r.dimensions.filter(function (x) { return x.id === dimId; })[0];
      return d ? d.answers : [];
    }

    function paperRow(r, number) {
      var error = el("p", { class: "lo-zs-paper-error", id: "zs-paper-error-" + r.id });
      var fields = dims.map(function (dim) {
        return el("label", { class: "lo-zs-paper-field" }, [
          el("span", { "aria-hidden": "true" }, [String(dim.number)]),
          el("input", { type: "text", size: dim.statements.length, maxlength: dim.statements.length, "data-dimension": dim.id,
                        value: Team.paperText(answersOf(r, dim.id), dim), autocomplete: "off", spellcheck: "false",
                        "aria-describedby": error.id + " zs-paper-help",
                        "aria-label": "Formulier " + number + ", dimensie " + label(dim) + " (" + dim.statements.length + " uitspraken)" })
        ]);
      });
      return el("fieldset", { class: "lo-zs-paper-row", "data-respondent": r.id }, [
        el("legend", {}, ["Formulier " + number]),
        el("div", { class: "lo-zs-paper-fields" }, fields),
        el("button", { type: "button", class: "md-button lo-zs-small", "data-paper-remove": r.id }, ["Verwijder formulier " + number]),
        error
      ]);
    }

    function renderPaper() {
      paperRows.textContent = "";
      paper().forEach(function (r, i) { paperRows.appendChild(paperRow(r, i + 1)); });
      countPaper();
    }

    function countPaper() {
      var filled = paper().filter(function (r) { return r.dimensions.some(function (d) { return d.answers.length; }); });
      var text = filled.length ? filled.length + " papieren formulier(en) ingevoerd." : "";
      if (paperCount.textContent !== text) paperCount.textContent = text;
    }

    function addPaper() {
      var r = Team.respondent({ id: Score.newRespondentId(), source: "paper", label: "",
        dimensions: dims.map(function (dim) { return { id: dim.id, answers: [], good: "", better: "" }; }) });
      team.respondents = team.respondents.concat([r]);
      save();
      var row = paperRow(r, paper().length);
      paperRows.appendChild(row);
      row.querySelector("input").focus();
    }

    /** A typed field: check it, and when it reads, put its answers in the team. */
    function typePaper(input) {
      var row = input.closest("[data-respondent]"), dim = byId.get(input.dataset.dimension);
      var read = Team.readPaper(input.value, dim, model);
      input.setAttribute("aria-invalid", read.error ? "true" : "false");
      var error = row.querySelector(".lo-zs-paper-error");
      error.textContent = read.error ? label(dim) + ": " + read.error : "";
      if (read.error) return false;
      team.respondents.forEach(function (r) {
        if (r.id !== row.dataset.respondent) return;
        r.dimensions.forEach(function (d) { if (d.id === dim.id) d.answers = read.answers; });
      });
      save();
      countPaper();
      return true;
    }

    /** Enter: on to the first field of the next form, adding one after the last. */
    function enterPaper(input) {
      var row = input.closest("[data-respondent]");
      var wrong = row.querySelector("[aria-invalid=true]");
      if (wrong) { wrong.focus(); say(status, row.querySelector(".lo-zs-paper-error").textContent, true); return; }
      render();
      var following = row.nextElementSibling;
      if (following) following.querySelector("input").focus(); else addPaper();
    }

    /* ---------- the result ---------- */

    function scrollBox(name, table) {
      return el("div", { class: "lo-zs-scroll", role: "region", "aria-label": name, tabindex: "0" }, [table]);
    }

    function head(cells) {
      return el("thead", {}, [el("tr", {}, cells.map(function (h) { return el("th", { scope: "col" }, [h]); }))]);
    }

    var KINDS = [["low", "laag"], ["middle", "midden"], ["high", "hoog"], ["dontKnow", "weet ik niet"]];

    function bar(row, when) {
      return el("span", { class: "lo-zs-bar" }, [when ? el("span", { class: "lo-zs-bar-when" }, [when]) : null].concat(
        KINDS.filter(function (k) { return row[k[0]]; }).map(function (k) {
          return el("span", { class: "lo-zs-bar--" + k[0], style: "flex-grow: " + row[k[0]] }, [String(row[k[0]])]);
        })));
    }

    function strips(rows) {
      return el("div", { class: "lo-zs-strips", role: "img", "aria-label": "Verdeling per dimensie: hoeveel mensen laag, " +
        "midden en hoog scoren en hoeveel 'weet ik niet' zeggen. De tabel hieronder geeft dezelfde aantallen." }, [
        el("ul", { class: "lo-zs-legend lo-zs-legend--bars" }, KINDS.map(function (k) {
          return el("li", { class: "lo-zs-bar--" + k[0] }, [k[1]]);
        }))
      ].concat(rows.map(function (row) {
        return el("div", { class: "lo-zs-strip" }, [
          el("span", { class: "lo-zs-strip-label" }, [label(row.after)]),
          row.before ? bar(row.before, "toen") : null,
          bar(row.after, row.before ? "nu" : ""),
          el("span", { class: "lo-zs-strip-mean" }, ["gem. " + then(row, "mean")])
        ]);
      })));
    }

    function then(row, field) {
      return (row.before ? score(row.before[field]) + " → " : "") + score(row.after[field]);
    }

    function resultTable(rows, people, limits) {
      var body = rows.map(function (row) {
        var r = row.after;
        return el("tr", {}, [el("th", { scope: "row" }, [label(r)]), el("td", {}, [then(row, "mean")]),
          el("td", {}, [r.min === null ? "–" : score(r.min) + "–" + score(r.max)]), el("td", {}, [then(row, "spread")])]
          .concat(KINDS.map(function (k) { return el("td", {}, [String(r[k[0]])]); })));
      });
      var caption = "Teamresultaat per dimensie (" + people + " deelnemer(s))" +
        (baseline ? "; eerdere ronde → nu" : "");
      return el("div", {}, [
        scrollBox("Tabel teamresultaat", el("table", { class: "lo-zs-table", id: "zs-team-table" }, [
          el("caption", {}, [caption]),
          head(["Dimensie", "Gemiddelde", "Laagste–hoogste", "Spreiding", "Laag", "Midden", "Hoog", "Weet ik niet"]),
          el("tbody", {}, body)
        ])),
        el("p", { class: "lo-zs-hint" }, ["Laag: gemiddeld lager dan " + score(limits.low) + "; midden: " + score(limits.low) +
          " tot en met " + score(limits.high) + "; hoog: hoger dan " + score(limits.high) + ". Spreiding: hoe ver de gemiddelden " +
          "van het teamgemiddelde af liggen (standaardafwijking); 0 is eensgezind, vanaf 1 lopen de meningen flink uiteen."])
      ]);
    }

    function distribution(s) {
      var parts = model.scale.filter(function (o) { return s.counts[o.value]; }).map(function (o) { return s.counts[o.value] + "× " + o.value; });
      if (s.dontKnow) parts.push(s.dontKnow + "× weet ik niet");
      return parts.join(", ");
    }

    function starters(summary) {
      var list = Team.dividing(summary, 5);
      return el("div", {}, [
        el("h3", {}, ["Gespreksstarters: hier verschillen jullie het meest"]),
        list.length ? el("ul", { id: "zs-starters" }, list.map(function (s) {
          return el("li", {}, [el("strong", {}, [s.number + "." + (s.index + 1)]), " " + s.text + " ",
            el("span", { class: "lo-zs-hint" }, ["(" + distribution(s) + "; spreiding " + score(s.spread) + ")"])]);
        })) : el("p", {}, [counted().length > 1
          ? "Jullie antwoorden liggen per uitspraak op dezelfde hoogte. Bespreek waarom: zien jullie hetzelfde?"
          : "Voeg de antwoorden van minstens twee teamleden toe om te zien waar jullie verschillen."])
      ]);
    }

    function statementTable(summary) {
      var body = [];
      summary.dimensions.forEach(function (row) {
        body.push(el("tr", {}, [el("th", { scope: "colgroup", colspan: String(model.scale.length + 4) }, [label(row)])]));
        row.statements.forEach(function (s) {
          body.push(el("tr", {}, [el("th", { scope: "row" }, [s.number + "." + (s.index + 1) + " " + s.text])]
            .concat(model.scale.map(function (o) { return el("td", {}, [String(s.counts[o.value])]); }))
            .concat([el("td", {}, [String(s.dontKnow)]), el("td", {}, [score(s.mean)]), el("td", {}, [score(s.spread)])])));
        });
      });
      return el("details", { class: "lo-zs-details" }, [el("summary", {}, ["Alle uitspraken: hoe vaak elke score gekozen is"]),
        scrollBox("Tabel per uitspraak", el("table", { class: "lo-zs-table", id: "zs-statement-table" }, [
          head(["Uitspraak"].concat(model.scale.map(function (o) { return String(o.value); }), ["?", "Gemiddelde", "Spreiding"])),
          el("tbody", {}, body)
        ]))]);
    }

    function notes(summary) {
      var withNotes = summary.dimensions.filter(function (row) { return row.good.length || row.better.length; });
      if (!withNotes.length) return null;
      function list(title, items) {
        return items.length ? el("div", {}, [el("p", { class: "lo-zs-note-title" }, [title]),
          el("ul", {}, items.map(function (t) { return el("li", {}, [t]); }))]) : null;
      }
      return el("details", { class: "lo-zs-details", id: "zs-team-notes" }, [
        el("summary", {}, ["Notities van teamleden, per dimensie (zonder namen)"])
      ].concat(withNotes.map(function (row) {
        return el("section", { class: "lo-zs-notes-dim" }, [el("h4", {}, [label(row)]),
          list("Wat gaat goed", row.good), list("Wat kan beter", row.better)]);
      })));
    }

    function participants() {
      var people = team.respondents.filter(function (r) { return r.source !== "paper"; });
      if (!people.length && !team.surveys.length) return null;
      return el("details", { class: "lo-zs-details lo-zs-screen" }, [
        el("summary", {}, ["Deelnemers via code, bestand of enquête (" + (people.length + team.surveys.length) + ")"]),
        el("ul", { class: "lo-zs-people" }, people.map(function (r) {
          return el("li", {}, [who(r) + (r.name ? " (" + r.name + ")" : "") + " ",
            el("button", { type: "button", class: "md-button lo-zs-small", "data-remove": r.id }, ["Verwijder " + who(r)])]);
        }).concat(team.surveys.map(function (s) {
          var name = "enquête '" + s.label + "'";
          return el("li", {}, [name + " (" + s.rows.length + " respondenten) ",
            el("button", { type: "button", class: "md-button lo-zs-small", "data-survey-remove": s.id }, ["Verwijder " + name])]);
        })))
      ]);
    }

    function render() {
      var people = counted();
      view.classList.toggle("lo-zs-has-results", people.length > 0);
      result.textContent = "";
      planBox.hidden = !people.length && !team.plan.length;
      countPaper();
      if (people.length) {
        var summary = Team.summary(people, model);
        var earlier = baseline ? Team.summary(Team.members(baseline.team, model), model) : null;
        var rows = earlier ? Team.compare(earlier, summary) : summary.dimensions.map(function (r) { return { after: r, before: null }; });
        [el("p", { class: "lo-zs-overview" }, [overview(people)]), strips(rows), resultTable(rows, people.length, summary.bands),
          starters(summary), statementTable(summary), notes(summary), participants()]
          .forEach(function (part) { if (part) result.appendChild(part); });
        renderNext(summary);
      } else {
        renderNext(null);
      }
      renderGroups(people);
      options.changed();
    }

    function overview(people) {
      var counts = {};
      people.forEach(function (r) { counts[r.source] = (counts[r.source] || 0) + 1; });
      var words = { code: "met een code", file: "met een bestand", paper: "op papier", eigen: "van jezelf", survey: "uit een enquête" };
      var when = baseline ? " Eerdere ronde: '" + baseline.name + "' (" + Team.members(baseline.team, model).length + " deelnemers)." : "";
      return (team.name ? team.name + ": " : "") + people.length + " deelnemer(s): " + Object.keys(words).filter(function (k) { return counts[k]; })
        .map(function (k) { return counts[k] + " " + words[k]; }).join(", ") + "." + when;
    }

    /* ---------- survey exports and results per group: zelfscan-survey-view.js, loaded when needed ---------- */

    var surveyView = null, groupsBox = $("zs-groups");

    function withSurvey(use) {
      loadScript("zelfscan-survey.js").then(function () { return loadScript("zelfscan-survey-view.js"); }).then(function () {
        surveyView = surveyView || window.ZelfscanSurveyView.start({ model: model, loadScript: loadScript, members: counted,
          team: function () { return team; }, say: say,
          setSurveys: function (list) { team.surveys = list; var stored = save(); render(); return stored; } });
        use(surveyView);
      }, function () { say($("zs-survey-status"), "Dit onderdeel kon niet worden geladen. Herlaad de pagina en probeer het opnieuw.", true); });
    }

    function renderGroups(people) {
      groupsBox.hidden = !people.some(function (r) { return r.groups.ROL || r.groups.TEAM; });
      if (!groupsBox.hidden) withSurvey(function (view) { view.groups(counted()); });
    }

    /* ---------- deciding: next steps and the team plan ---------- */

    function renderNext(summary) {
      var steps = summary ? Team.nextSteps(summary) : [];
      var key = steps.map(function (s) { return s.row.id + s.low + s.disputed; }).join(" ");
      if (key === nextKey) return;
      nextKey = key;
      next.textContent = "";
      if (!steps.length) return;
      next.appendChild(el("h3", { id: "zs-team-next-title" }, ["Volgende stappen voor het team"]));
      next.appendChild(el("p", {}, ["Begin bij de dimensies die jullie het laagst scoren en bij die waarover jullie het meest " +
        "verschillen. Vink aan wat jullie oppakken en zet het in het teamplan."]));
      steps.forEach(function (step) {
        var dim = byId.get(step.row.id);
        var why = [step.low ? "laag gemiddelde (" + score(step.row.mean) + ")" : "",
                   step.disputed ? "meest verdeeld (spreiding " + score(step.row.spread) + ")" : ""].filter(Boolean).join(", ");
        next.appendChild(el("fieldset", { class: "lo-zs-next-dim" }, [
          el("legend", {}, [label(dim) + ": " + why]),
          el("p", {}, [el("a", { href: dim.url + "#ontwikkelsuggesties" }, ["Ontwikkelsuggesties bij " + label(dim)]),
            dim.question ? el("span", {}, [" Vraag voor het gesprek: " + dim.question]) : null]),
          el("div", { class: "lo-zs-options lo-zs-options--stacked lo-zs-screen" }, dim.suggestions.map(function (title, i) {
            var id = "zs-team-suggest-" + dim.id + "-" + i;
            return el("label", { for: id }, [el("input", { type: "checkbox", id: id, "data-team-suggestion": title, "data-dimension": dim.id }), " ", title]);
          }))
        ]));
      });
      next.appendChild(el("p", { class: "lo-zs-screen" }, [el("button", { type: "button", class: "md-button", "data-action": "team-to-plan" },
        ["Zet aangevinkte suggesties in het teamplan"])]));
      next.appendChild(el("p", { class: "lo-zs-message lo-zs-screen", id: "zs-team-next-status", role: "status" }));
    }

    var PLAN = [["what", "textarea", "wat gaan we doen?"], ["owner", "input", "eigenaar"], ["date", "input", "datum"],
                ["signal", "textarea", "waaraan merken we het?"]];

    function planRow(item, number) {
      return el("tr", {}, PLAN.map(function (p) {
        var attributes = { "data-team-plan": p[0], "aria-label": "Teamactie " + number + ": " + p[2] };
        if (p[1] === "textarea") attributes.rows = "2"; else attributes.type = p[0] === "date" ? "date" : "text";
        var field = el(p[1], attributes);
        field.value = item[p[0]] || "";
        return el("td", {}, [field]);
      }));
    }

    function renderPlan() {
      planBody.textContent = "";
      var rows = team.plan.concat([{}, {}, {}]).slice(0, Math.max(3, team.plan.length + 1));
      rows.forEach(function (item, i) { planBody.appendChild(planRow(item, i + 1)); });
      markEmptyRows();
    }

    /** Rows with nothing in them are not printed. */
    function markEmptyRows() {
      Array.prototype.forEach.call(planBody.rows, function (row) {
        row.classList.toggle("lo-zs-empty", !Dom.all("[data-team-plan]", row).some(function (f) { return f.value.trim(); }));
      });
    }

    function readPlan() {
      team.plan = Array.prototype.map.call(planBody.rows, function (row) {
        var item = {};
        Dom.all("[data-team-plan]", row).forEach(function (f) { item[f.dataset.teamPlan] = f.value; });
        return item;
      }).filter(function (item) { return Team.PLAN_FIELDS.some(function (f) { return item[f].trim(); }); });
      markEmptyRows();
      if (!planBody.rows[planBody.rows.length - 1].classList.contains("lo-zs-empty")) {
        planBody.appendChild(planRow({}, planBody.rows.length + 1));  // always one empty row to go on with
        markEmptyRows();
      }
      save();
    }

    function suggestionsToPlan() {
      var ticked = Dom.all("input[data-team-suggestion]:checked", next);
      var where = $("zs-team-next-status");
      if (!ticked.length) { say(where, "Vink eerst een of meer suggesties aan.", true); return; }
      var added = 0;
      ticked.forEach(function (box) {
        var what = box.dataset.teamSuggestion + " (" + label(byId.get(box.dataset.dimension)) + ")";
        box.checked = false;
        if (team.plan.some(function (item) { return item.what.trim() === what; })) return;
        team.plan.push({ what: what, owner: "", date: "", signal: "" });
        added += 1;
      });
      save();
      planBox.hidden = false;
      renderPlan();
      say(where, added + " suggestie(s) in het teamplan gezet. Vul eigenaar, datum en 'waaraan merken we het' in.");
    }

    /* ---------- an earlier round ---------- */

    function setBaseline(file) {
      Store.readFile(file).then(function (read) {
        var parsed = read.error ? read : Team.parseFile(read.data, model, "'" + file.name + "'");
        if (parsed.error) { say(baselineStatus, parsed.error + " Er is niets veranderd.", true); return; }
        baseline = { name: file.name, team: parsed.team };
        var stored = baselineSlot.update(function () { return baseline; });
        $("zs-team-baseline-clear").hidden = false;
        render();
        say(baselineStatus, "Eerdere ronde '" + file.name + "' geladen (" + Team.members(parsed.team, model).length + " deelnemers). " +
          parsed.notes.join(" ") + (stored.error ? " " + stored.error : ""), Boolean(stored.error));
      });
    }

    /* ---------- sharing one's own answers: code, link, QR code ---------- */

    var codeBox = $("zs-code-box"), qrBox = $("zs-code-qr"), qrButton = document.querySelector("[data-action=code-qr]");

    function pageUrl() {
      return /^https?:$/.test(location.protocol) ? location.href : model.link;
    }

    function makeCode(Code, quiet) {
      var doc = options.ownDocument();
      if (!Score.answered(doc)) {
        codeBox.hidden = true;
        if (!quiet) say(shareStatus, "Beantwoord eerst een of meer uitspraken; dan kun je er een code van maken.", true);
        return;
      }
      var code = Code.make(doc, model);
      $("zs-code").value = code;
      $("zs-code-link").value = Code.link(pageUrl(), code);
      codeBox.hidden = false;
      if (!qrBox.hidden) drawQr();
      if (!quiet) say(shareStatus, "Je antwoordcode staat klaar (" + Score.answered(doc) + " uitspraken). Verander je iets, dan verandert de code mee.");
    }

    function drawQr() {
      return loadScript("../vendor/qrcode-generator/qrcode.js").then(function () {
        var qr = window.qrcode(0, "M");
        qr.addData($("zs-code-link").value);
        qr.make();
        var size = qr.getModuleCount(), path = "";
        for (var y = 0; y < size; y += 1) {
          for (var x = 0; x < size; x += 1) if (qr.isDark(y, x)) path += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z";
        }
        qrBox.textContent = "";
        qrBox.appendChild(Dom.svg("svg", { viewBox: "0 0 " + (size + 8) + " " + (size + 8), role: "img", class: "lo-zs-qr-code",
          "aria-label": "QR-code met de link naar je antwoorden" }, [
          Dom.svg("rect", { width: size + 8, height: size + 8, fill: "#fff" }), Dom.svg("path", { d: path, fill: "#000" })]));
      }, function () {
        say(shareStatus, "De QR-code kon niet worden gemaakt (het onderdeel laadde niet). De code en de link werken wel.", true);
      });
    }

    function toggleQr() {
      var show = qrBox.hidden;
      qrBox.hidden = !show;
      qrButton.setAttribute("aria-expanded", String(show));
      qrButton.textContent = show ? "Verberg QR-code" : "Toon QR-code";
      if (show) drawQr();
    }

    function copy(id) {
      var field = $(id);
      function fallback() {
        field.select();
        var done = document.execCommand && document.execCommand("copy");
        say(shareStatus, done ? "Gekopieerd." : "Kopiëren lukte niet: de tekst is geselecteerd, kopieer hem met Ctrl+C.", !done);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say(shareStatus, "Gekopieerd."); }, fallback);
      } else {
        fallback();
      }
    }

    /* ---------- actions ---------- */

    var actions = {
      "codes-add": function () { withCode(status, addCodes); },
      "team-own": addOwn,
      "paper-add": addPaper,
      "team-to-plan": suggestionsToPlan,
      "team-export": function () {
        Store.download("zelfscan-team-" + Format.localDate() + ".json", JSON.stringify(Team.toFile(team, model), null, 2), "application/json");
        say(status, "Het teambestand is geëxporteerd. Bewaar het: bij een volgende ronde laad je het als eerdere ronde.");
      },
      "team-print": function () {
        document.body.classList.add("lo-zs-print-team");
        window.addEventListener("afterprint", function () { document.body.classList.remove("lo-zs-print-team"); }, { once: true });
        window.print();
      },
      "team-clear": function () {
        if (!window.confirm("Het teamresultaat met alle ingevoerde antwoorden en het teamplan wissen? Exporteer het eerst als je het wilt bewaren.")) return;
        clearTeam();
        say(status, "Het teamresultaat is gewist.");
      },
      "team-baseline-clear": function () {
        baseline = null;
        baselineSlot.remove();
        $("zs-team-baseline-clear").hidden = true;
        render();
        say(baselineStatus, "De eerdere ronde is verwijderd.");
      },
      "code-make": function () { withCode(shareStatus, function (Code) { makeCode(Code, false); }); },
      "code-qr": toggleQr
    };

    [view, $("zs-share")].forEach(function (part) {
      part.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (actions[button.dataset.action]) actions[button.dataset.action]();
        if (button.dataset.copy) copy(button.dataset.copy);
        if (button.dataset.surveyRemove) {
          var survey = team.surveys.filter(function (s) { return s.id === button.dataset.surveyRemove; })[0];
          team.surveys = team.surveys.filter(function (s) { return s !== survey; });
          changed();
          say(status, "De enquête '" + survey.label + "' is verwijderd. Het teamresultaat telt nu " + counted().length + " deelnemer(s).");
          document.querySelector("[data-choose=zs-survey-file]").focus();
        }
        if (button.dataset.remove || button.dataset.paperRemove) {
          var gone = button.dataset.remove || button.dataset.paperRemove;
          var removed = team.respondents.filter(function (r) { return r.id === gone; })[0];
          team.respondents = team.respondents.filter(function (r) { return r.id !== gone; });
          changed();
          renderPaper();
          say(status, (removed.source === "paper" ? "Het formulier is" : who(removed) + " is") + " verwijderd. Het teamresultaat telt nu " +
            counted().length + " deelnemer(s).");
          (paperRows.querySelector("input") || document.querySelector("[data-action=paper-add]")).focus();
        }
      });
    });

    view.addEventListener("input", function (event) {
      var target = event.target;
      if (target.dataset.dimension && target.closest("#zs-paper-rows")) typePaper(target);
      else if (target.dataset.teamPlan) readPlan();
      else if (target.dataset.teamField) { team.name = target.value; save(); }
    });
    view.addEventListener("change", function (event) {
      if (event.target.closest("#zs-paper-rows")) render();
    });
    view.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.closest("#zs-paper-rows") && event.target.matches("input")) {
        event.preventDefault();
        enterPaper(event.target);
      }
    });

    function onFiles(id, handler) {
      var input = $(id);
      input.addEventListener("change", function () {
        if (input.files.length) handler(input.files);
        input.value = "";  // choosing the same file again must work too
      });
    }
    onFiles("zs-team-files", addFiles);
    onFiles("zs-team-baseline-file", function (files) { setBaseline(files[0]); });
    onFiles("zs-survey-file", function (files) {
      var file = files[0];  // taken now: the input is emptied before the survey part has loaded
      withSurvey(function (view) { view.read(file); });
    });

    var drop = view;  // the whole team view takes dropped files; its drop box lights up
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("lo-zs-dragging"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("lo-zs-dragging"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("lo-zs-dragging");
      if (event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
    });

    /* ---------- start: what is stored, then a code in the address ---------- */

    function clearTeam() {
      teamSlot.remove();
      team = Team.empty(model);
      $("zs-team-name").value = "";
      renderPaper();
      renderPlan();
      render();
    }

    /** "Wis alles": the team, the earlier round and the shown code go too. */
    function clearAll() {
      baselineSlot.remove();
      baseline = null;
      $("zs-team-baseline-clear").hidden = true;
      codeBox.hidden = true;
      clearTeam();
    }

    var stored = teamSlot.read();
    if (stored.error) say(status, stored.error + (stored.unreadable ? " " + teamSlot.messages.keeping : ""), true);
    else if (stored.value) {
      team = stored.value;
      if (stored.notes.length) say(status, "Het bewaarde teamresultaat is geladen. " + stored.notes.join(" "));
    }
    var storedBaseline = baselineSlot.read();
    if (storedBaseline.value) baseline = storedBaseline.value;
    $("zs-team-baseline-clear").hidden = !baseline;
    $("zs-team-name").value = team.name;
    renderPaper();
    renderPlan();
    render();
    var stop = teamSlot.watch(function () {
      var now = teamSlot.read();
      if (now.error || !now.value) return;
      team = Team.mergeTabs(now.base, team, now.value, model);
      $("zs-team-name").value = team.name;
      renderPaper();
      renderPlan();
      render();
      say(status, "Het teamresultaat is in een ander tabblad gewijzigd. Deze pagina is bijgewerkt.");
    });

    if (/antwoordcode=/i.test(location.hash)) {
      withCode(status, function (Code) {
        codes.value = Code.fromFragment(location.hash);
        history.replaceState(null, "", location.pathname + location.search);
        codes.focus();
        say(status, "Deze link bevat een antwoordcode. Druk op Voeg toe om hem mee te tellen in het teamresultaat.");
      });
    }

    return {
      clear: clearAll,
      stop: stop,
      hasTeam: function () { return counted().length > 0; },
      ownChanged: function () { if (!codeBox.hidden) makeCode(window.ZelfscanCode, true); }
    };
  }

  return { start: start };
})(LoDom, LoStore, LoFormat, ZelfscanScore, ZelfscanTeam);
