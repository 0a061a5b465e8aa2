/*
 * The team self-check as pure functions (no page, no storage), so they can be tested in Node.
 *
 * A respondent is one person's answers, whatever way they came in:
 *   {id, source, label, name, groups, dimensions: [{id, answers: [{index, hash, value}], good, better}]}
 * `id` is the respondent id from the member's export or code (ZelfscanScore.newRespondentId), or, for an older
 * file without one, "c-" and a fingerprint of its content; the same id again means the same person.
 * `source` is "code", "file", "paper", "eigen" (the leader's own answers) or "survey" (a survey-tool export);
 * `groups` holds background fields such as {ROL: "...", TEAM: "..."}; `name` is only what a member typed.
 * The team (in localStorage and as a team file) is:
 *   {format, formatVersion, contentVersion, savedAt, name, respondents: [...], surveys: [...],
 *    plan: [{what, owner, date, signal}]}
 * A survey export (thousands of people) is kept compact, one entry per file read (zelfscan-survey.js makes it):
 *   {id, label, statements: [hash, ...], rows: [[ROL, TEAM, answers], ...]}
 * `answers` has one character per statement of `statements`: the score, "?" for "weet ik niet", "-" for none.
 * members() gives them as respondents (source "survey"), so every view counts them like the others.
 * Needs LoFormat (lo-format.js) and ZelfscanScore (zelfscan-score.js).
 */
var ZelfscanTeam = (function (Format, Score) {
  "use strict";

  var FORMAT = Format.PREFIX + "zelfscan-team";
  var FORMAT_VERSION = 2; // 2: surveys
  var SPEC = { format: FORMAT, version: FORMAT_VERSION, what: "teambestand van de zelfscan" };
  var SOURCES = ["code", "file", "paper", "eigen", "survey"];
  var PLAN_FIELDS = ["what", "owner", "date", "signal"];
  var DONT_KNOW_KEYS = "0?xX";
  var EMPTY_KEYS = "-._ ";

  function text(value, max) {
    return typeof value === "string" ? value.slice(0, max || 5000) : "";
  }

  function ordered(model) {
    return model.dimensions.slice().sort(function (a, b) { return a.number - b.number; });
  }

  function empty(model) {
    return { format: FORMAT, formatVersion: FORMAT_VERSION, contentVersion: model.version, savedAt: null,
             name: "", respondents: [], surveys: [], plan: [] };
  }

  /* ---------- respondents ---------- */

  /** An id for a file without a respondent id: the same content gives the same id, so a copy is one person. */
  function contentId(doc) {
    var content = JSON.stringify([doc.savedAt || "", doc.name || "", doc.dimensions.map(function (d) {
      return [d.id, d.answers.map(function (a) { return [a.hash, a.value]; }), d.good, d.better];
    })]);
    return "c-" + ("0000000" + Score.fnv1a(content).toString(16)).slice(-8);
  }

  function respondent(fields) {
    return {
      id: fields.id, source: fields.source, label: text(fields.label, 200), name: text(fields.name, 200),
      groups: fields.groups || {}, dimensions: fields.dimensions
    };
  }

  /** A member's document (an export, already read by ZelfscanScore.parseDocument) as a respondent. */
  function fromDocument(doc, source, label) {
    return respondent({ id: Score.isRespondentId(doc.respondent) ? doc.respondent : contentId(doc),
                        source: source, label: label, name: doc.name, dimensions: doc.dimensions });
  }

  /**
   * Add respondents; one with an id already there replaces the earlier one (the same person sent new answers).
   * Returns {respondents, added: [respondent], replaced: [{respondent, previous}]}; the input is not changed.
   */
  function merge(respondents, incoming) {
    var list = respondents.slice(), added = [], replaced = [], at = new Map();
    list.forEach(function (r, i) { at.set(r.id, i); });
    incoming.forEach(function (r) {
      var i = at.has(r.id) ? at.get(r.id) : -1;
      if (i < 0) {
        at.set(r.id, list.length);
        list.push(r);
        added.push(r);
      } else {
        replaced.push({ respondent: r, previous: list[i] });
        list[i] = r;
      }
    });
    return { respondents: list, added: added, replaced: replaced };
  }

  /* ---------- paper forms ---------- */

  /** The keys a facilitator types for one dimension of a paper form, e.g. "3452?" or "34-5". */
  function readPaper(typed, dim, model) {
    var values = model.scale.map(function (s) { return String(s.value); });
    var chars = String(typed).split("");
    if (chars.length > dim.statements.length) {
      return { error: chars.length + " tekens voor " + dim.statements.length + " uitspraken." };
    }
    var answers = [], wrong = null;
    chars.forEach(function (c, i) {
      if (wrong !== null || EMPTY_KEYS.indexOf(c) !== -1) return;
      var statement = dim.statements[i];
      if (DONT_KNOW_KEYS.indexOf(c) !== -1) answers.push({ index: statement.index, hash: statement.hash, value: null });
      else if (values.indexOf(c) !== -1) answers.push({ index: statement.index, hash: statement.hash, value: Number(c) });
      else wrong = c;
    });
    if (wrong !== null) {
      return { error: "'" + wrong + "' is geen score. Typ " + values[0] + " t/m " + values[values.length - 1] +
               ", 0 of ? voor weet ik niet, en - voor een open plek." };
    }
    return { answers: answers };
  }

  /** The keys that give these answers back: a score's digit, 0 for "weet ik niet", - for an open place. */
  function paperText(answers, dim) {
    var byIndex = {};
    answers.forEach(function (a) { byIndex[a.index] = a; });
    return dim.statements.map(function (s) {
      var a = byIndex[s.index];
      return !a ? "-" : a.value === null ? "0" : String(a.value);
    }).join("").replace(/-+$/, "");
  }

  /* ---------- seeing where people differ ---------- */

  function mean(values) {
    return values.length ? values.reduce(function (sum, v) { return sum + v; }, 0) / values.length : null;
  }

  /** Standard deviation (of the group itself): 0 when everyone agrees; on a 1-5 scale at most 2. */
  function spread(values) {
    if (!values.length) return null;
    var m = mean(values);
    return Math.sqrt(mean(values.map(function (v) { return (v - m) * (v - m); })));
  }

  function extremes(values) {
    return values.length ? { min: Math.min.apply(null, values), max: Math.max.apply(null, values) } : { min: null, max: null };
  }

  /** Where low ends and high begins: the middle quarter of the scale (2.5 to 3.5 on a 1-5 scale) is "midden". */
  function bands(model) {
    var low = model.scale[0].value, high = model.scale[model.scale.length - 1].value;
    return { low: low + (high - low) * 0.375, high: low + (high - low) * 0.625 };
  }

  function band(value, limits) {
    return value < limits.low ? "low" : value > limits.high ? "high" : "middle";
  }

  /**
   * The team result. Per dimension: how many people scored low, middle and high on average, how many only
   * said "weet ik niet", and the mean, lowest, highest and spread of their averages; per statement the same
   * for the answers; the notes ("wat gaat goed", "wat kan beter") sorted, so their order tells nothing of who wrote them.
   */
  function summary(respondents, model) {
    var limits = bands(model);
    var rows = ordered(model).map(function (dim, i) {
      var means = [], counts = { low: 0, middle: 0, high: 0, dontKnow: 0 }, notes = { good: [], better: [] };
      var statements = {};  // by hash; an answer counts for the statement with its hash and place
      dim.statements.forEach(function (s) {
        var at = statements[s.hash] = { index: s.index, values: [], dontKnow: 0, counts: {} };
        model.scale.forEach(function (o) { at.counts[o.value] = 0; });
      });
      // One pass over everyone per dimension (plain loops: a survey export brings thousands of people).
      for (var p = 0; p < respondents.length; p++) {
        var d = dimensionOf(respondents[p], dim.id, i), sum = 0, n = 0, dontKnow = 0;
        if (!d) continue;
        for (var k = 0; k < d.answers.length; k++) {
          var a = d.answers[k], at = statements[a.hash];
          if (a.value === null) dontKnow += 1; else { sum += a.value; n += 1; }
          if (!at || at.index !== a.index) continue;
          if (a.value === null) at.dontKnow += 1; else { at.values.push(a.value); at.counts[a.value] += 1; }
        }
        if (n) { means.push(sum / n); counts[band(sum / n, limits)] += 1; } else if (dontKnow) counts.dontKnow += 1;
        ["good", "better"].forEach(function (field) { var t = text(d[field]).trim(); if (t) notes[field].push(t); });
      }
      var range = extremes(means);
      return {
        id: dim.id, number: dim.number, title: dim.title, members: means.length,
        mean: mean(means), min: range.min, max: range.max, spread: spread(means),
        low: counts.low, middle: counts.middle, high: counts.high, dontKnow: counts.dontKnow,
        statements: dim.statements.map(function (s) { return statementRow(statements[s.hash], dim, s); }),
        good: notes.good.sort(byText), better: notes.better.sort(byText)
      };
    });
    return { respondents: respondents.length, bands: limits, dimensions: rows };
  }

  function byText(a, b) {
    return a.localeCompare(b, "nl");
  }

  /** A respondent's answers to one dimension: usually at its place in the form's order, else found by id. */
  function dimensionOf(r, id, i) {
    var d = r.dimensions[i];
    return d && d.id === id ? d : r.dimensions.filter(function (x) { return x.id === id; })[0];
  }

  function statementRow(found, dim, statement) {
    var range = extremes(found.values);
    return { dimension: dim.id, number: dim.number, index: statement.index, text: statement.text,
             answered: found.values.length, dontKnow: found.dontKnow, counts: found.counts,
             mean: mean(found.values), min: range.min, max: range.max, spread: spread(found.values) };
  }

  function rank(items, keep, compare, n) {
    return items.map(function (item, order) { return { item: item, order: order }; })
      .filter(function (x) { return keep(x.item); })
      .sort(function (a, b) { return compare(a.item, b.item) || a.order - b.order; })
      .slice(0, n).map(function (x) { return x.item; });
  }

  /** The n dimensions with the lowest team mean, lowest first. */
  function lowest(result, n) {
    return rank(result.dimensions, function (row) { return row.mean !== null; },
                function (a, b) { return a.mean - b.mean; }, n);
  }

  /** The n dimensions whose members' averages lie furthest apart (two or more people, some spread). */
  function disputed(result, n) {
    return rank(result.dimensions, function (row) { return row.members > 1 && row.spread > 0; },
                function (a, b) { return b.spread - a.spread; }, n);
  }

  /** The n statements the team answers most differently: the concrete place to start the conversation. */
  function dividing(result, n) {
    var all = [];
    result.dimensions.forEach(function (row) { all = all.concat(row.statements); });
    return rank(all, function (s) { return s.answered > 1 && s.spread > 0; },
                function (a, b) { return b.spread - a.spread; }, n);
  }

  /** What the team takes up first: its two lowest and its two most disputed dimensions, each named once. */
  function nextSteps(result) {
    var steps = [];
    function add(row, reason) {
      var found = steps.filter(function (s) { return s.row.id === row.id; })[0];
      if (found) found[reason] = true;
      else { var step = { row: row, low: false, disputed: false }; step[reason] = true; steps.push(step); }
    }
    lowest(result, 2).forEach(function (row) { add(row, "low"); });
    disputed(result, 2).forEach(function (row) { add(row, "disputed"); });
    return steps;
  }

  /** An earlier round against now, per dimension of now: mean and spread then and now, and the change in mean. */
  function compare(before, after) {
    var earlier = {};
    before.dimensions.forEach(function (row) { earlier[row.id] = row; });
    return after.dimensions.map(function (row) {
      var then = earlier[row.id] || null;
      return { id: row.id, number: row.number, title: row.title, before: then, after: row,
               change: then && then.mean !== null && row.mean !== null ? row.mean - then.mean : null };
    });
  }

  /** Respondents by a background field (e.g. "ROL" or "TEAM" from a survey export), for one summary per group. */
  function groups(respondents, key) {
    var byValue = {};
    respondents.forEach(function (r) {
      var value = text((r.groups || {})[key]).trim();
      (byValue[value] = byValue[value] || []).push(r);
    });
    return Object.keys(byValue).sort(function (a, b) { return a.localeCompare(b, "nl"); })
      .map(function (value) { return { value: value, respondents: byValue[value] }; });
  }

  /* ---------- survey exports ---------- */

  var expanded = new Map(); // survey id -> its respondents: an entry never changes, a new file gets a new id

  /** Everyone in the team: the respondents and the people of every survey export. */
  function members(team, model) {
    var all = team.respondents;
    (team.surveys || []).forEach(function (survey) {
      if (!expanded.has(survey.id)) expanded.set(survey.id, surveyRespondents(survey, model));
      all = all.concat(expanded.get(survey.id));
    });
    return all;
  }

  function surveyRespondents(survey, model) {
    var where = {}, dims = ordered(model);
    dims.forEach(function (dim, d) {
      dim.statements.forEach(function (s) { where[s.hash] = { dim: d, index: s.index }; });
    });
    var columns = survey.statements.map(function (hash) { return where[hash]; });
    return survey.rows.map(function (row, n) {
      var parts = dims.map(function (dim) { return { id: dim.id, answers: [], good: "", better: "" }; });
      for (var k = 0; k < columns.length; k++) {
        var c = row[2].charAt(k), at = columns[k];
        if (at && c !== "-") parts[at.dim].answers.push({ index: at.index, hash: survey.statements[k], value: c === "?" ? null : +c });
      }
      return { id: survey.id + "-" + (n + 1), source: "survey", label: survey.label, name: "",
               groups: { ROL: row[0], TEAM: row[1] }, dimensions: parts };
    });
  }

  /** A survey entry of a team file, checked: {survey, notes} or null when it cannot be read at all. */
  function readSurvey(raw, model) {
    if (!raw || !Format.isSafeId(raw.id) || !Array.isArray(raw.statements) || !Array.isArray(raw.rows) ||
        !raw.statements.every(function (h) { return /^[0-9a-f]{12}$/.test(h); })) return null;
    var answers = new RegExp("^[" + model.scale.map(function (s) { return s.value; }).join("") + "?-]{" + raw.statements.length + "}$");
    var rows = raw.rows.filter(function (row) {
      return Array.isArray(row) && ["LG", "MW", "HR", ""].indexOf(row[0]) !== -1 && typeof row[1] === "string" &&
        answers.test(row[2]);
    }).map(function (row) { return [row[0], row[1].slice(0, 100), row[2]]; });
    var known = {};
    model.dimensions.forEach(function (dim) { dim.statements.forEach(function (s) { known[s.hash] = true; }); });
    var changed = raw.statements.filter(function (h) { return !known[h]; }).length, label = text(raw.label, 200);
    var notes = [];
    if (rows.length < raw.rows.length) notes.push((raw.rows.length - rows.length) + " onleesbare rij(en) uit de enquête '" + label + "' overgeslagen.");
    if (changed) notes.push(changed + " uitspraak/uitspraken uit de enquête '" + label + "' staan niet meer in de zelfscan en tellen niet mee.");
    return { survey: { id: raw.id, label: label, statements: raw.statements.slice(), rows: rows }, notes: notes };
  }

  /** Surveys of a team file added to ours: one with an id already there is the same file and is left out. */
  function joinSurveys(surveys, incoming) {
    var ids = surveys.map(function (s) { return s.id; });
    return surveys.concat(incoming.filter(function (s) { return ids.indexOf(s.id) === -1; }));
  }

  /* ---------- the team file ---------- */

  function toFile(team, model, now) {
    return {
      format: FORMAT, formatVersion: FORMAT_VERSION, contentVersion: model.version, savedAt: now || new Date().toISOString(),
      name: team.name, respondents: team.respondents, surveys: team.surveys || [], plan: team.plan
    };
  }

  /**
   * Read one respondent of a team file (or of another tool) against the model, the way an export is read:
   * answers to a statement that has since changed are left out. Returns {respondent, notes} or {error}.
   */
  function readRespondent(raw, contentVersion, model) {
    if (!raw || typeof raw !== "object" || !Format.isSafeId(raw.id) || SOURCES.indexOf(raw.source) === -1) {
      return { error: "een deelnemer zonder geldige id of herkomst" };
    }
    var read = Score.parseDocument({ format: Score.FORMAT, formatVersion: Score.FORMAT_VERSION,
                                     contentVersion: contentVersion, dimensions: raw.dimensions }, model);
    if (read.error) return { error: "een deelnemer zonder antwoorden" };
    var groupsIn = {};
    if (raw.groups && typeof raw.groups === "object") {
      Object.keys(raw.groups).forEach(function (key) { groupsIn[text(key, 40)] = text(raw.groups[key], 200); });
    }
    return { respondent: respondent({ id: raw.id, source: raw.source, label: raw.label, name: raw.name,
                                      groups: groupsIn, dimensions: read.doc.dimensions }), notes: read.notes };
  }

  function isTeamFile(raw) {
    return Boolean(raw) && raw.format === FORMAT;
  }

  function problem(found, name) {
    return { error: Format.fileProblem(found, name || "Dit bestand", SPEC), problem: found.problem, version: found.version };
  }

  /**
   * A team file (or the stored team) against the model: {team, notes}, or {error, problem} (as LoFormat names it);
   * notes and errors in Dutch, `name` names the file in them.
   */
  function parseFile(raw, model, name) {
    if (!Format.checkEnvelope(raw, Score.SPEC)) {
      return { error: (name || "Dit bestand") + " is het exportbestand van één persoon, geen teambestand. Voeg het toe onder Bestanden.",
               problem: "foreign" };
    }
    var found = Format.checkEnvelope(raw, SPEC);
    if (found) return problem(found, name);
    if (!Array.isArray(raw.respondents)) return problem({ problem: "damaged", detail: "de deelnemers ontbreken" }, name);
    var team = empty(model), notes = [], skipped = 0;
    team.name = text(raw.name, 200);
    team.savedAt = typeof raw.savedAt === "string" ? raw.savedAt.slice(0, 40) : null;
    raw.respondents.forEach(function (item) {
      var read = readRespondent(item, raw.contentVersion, model);
      if (read.error) { skipped += 1; return; }
      team.respondents = merge(team.respondents, [read.respondent]).respondents;
      read.notes.forEach(function (note) { if (notes.indexOf(note) === -1) notes.push(note); });
    });
    (Array.isArray(raw.surveys) ? raw.surveys : []).forEach(function (item) {
      var read = readSurvey(item, model);
      if (!read) { skipped += 1; return; }
      team.surveys = joinSurveys(team.surveys, [read.survey]);
      notes = notes.concat(read.notes);
    });
    team.plan = (Array.isArray(raw.plan) ? raw.plan : []).filter(function (row) {
      return row && typeof row === "object";
    }).map(function (row) {
      var out = {};
      PLAN_FIELDS.forEach(function (field) { out[field] = text(row[field], 1000); });
      return out;
    });
    if (skipped) notes.push(skipped + " onleesbare deelnemer(s) overgeslagen.");
    return { team: team, notes: notes };
  }

  /** The team as flat fields (name, plan, one per respondent), so two tabs' changes can be merged field by field. */
  function fields(team) {
    var record = new Map([["name", team.name], ["plan", team.plan]]);
    team.respondents.forEach(function (r) { record.set("r:" + r.id, r); });
    (team.surveys || []).forEach(function (s) { record.set("s:" + s.id, s); });
    return record;
  }

  /**
   * Two tabs: `base` is what this tab last read or wrote, `mine` what it shows, `theirs` what is stored now (base
   * and theirs may be null). A respondent, the name or the plan this tab changed keeps its value; the rest is theirs.
   */
  function mergeTabs(base, mine, theirs, model) {
    var merged = Format.merge3(fields(base || empty(model)), fields(mine), fields(theirs || empty(model)));
    var team = empty(model);
    team.savedAt = mine.savedAt;
    team.name = merged.get("name") || "";
    team.plan = merged.get("plan") || [];
    merged.forEach(function (value, key) {
      if (key.indexOf("r:") === 0) team.respondents.push(value);
      if (key.indexOf("s:") === 0) team.surveys.push(value);
    });
    return team;
  }

  return {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, PLAN_FIELDS: PLAN_FIELDS, empty: empty, isTeamFile: isTeamFile,
    mergeTabs: mergeTabs,
    respondent: respondent, fromDocument: fromDocument, contentId: contentId, merge: merge,
    readPaper: readPaper, paperText: paperText,
    summary: summary, bands: bands, lowest: lowest, disputed: disputed, dividing: dividing, nextSteps: nextSteps,
    compare: compare, groups: groups, members: members, joinSurveys: joinSurveys, toFile: toFile, readRespondent: readRespondent, parseFile: parseFile
  };
})(typeof module !== "undefined" ? require("./lo-format.js") : LoFormat,
   typeof module !== "undefined" ? require("./zelfscan-score.js") : ZelfscanScore);
if (typeof module !== "undefined") module.exports = ZelfscanTeam;
