/*
 * The self-check's arithmetic and file format, as pure functions (no page, no storage), so they can be tested.
 *
 * A "model" is the form as the page knows it (from the YAML): {version, scale, dimensions: [{id, number, title,
 * statements: [{index, hash, text}], ...}]}. A "document" is one person's answers, the same shape in
 * localStorage and in an exported file:
 *   {format, formatVersion, contentVersion, savedAt, team, name, date,
 *    dimensions: [{id, answers: [{index, hash, value}], good, better}], priorities: [id], plan: [{what, who, when, progress}]}
 * An answer's value is a score on the scale, or null for "weet ik niet"; an unanswered statement has no answer.
 */
window.ZelfscanScore = (function () {
  "use strict";

  var FORMAT = "lerende-organisatie-zelfscan";
  var FORMAT_VERSION = 1;
  var PLAN_FIELDS = ["what", "who", "when", "progress"];

  function emptyDocument(model) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      contentVersion: model.version,
      savedAt: null,
      team: "",
      name: "",
      date: "",
      dimensions: model.dimensions.map(function (dim) {
        return { id: dim.id, answers: [], good: "", better: "" };
      }),
      priorities: [],
      plan: []
    };
  }

  function mean(values) {
    if (!values.length) return null;
    return values.reduce(function (sum, v) { return sum + v; }, 0) / values.length;
  }

  function answersOf(doc, id) {
    var found = doc.dimensions.filter(function (d) { return d.id === id; })[0];
    return found ? found.answers : [];
  }

  /** Per dimension of the model: mean of the scored answers, how many were scored and how many "weet ik niet". */
  function dimensionScores(doc, model) {
    return model.dimensions.map(function (dim) {
      var answers = answersOf(doc, dim.id);
      var values = answers.filter(function (a) { return a.value !== null; }).map(function (a) { return a.value; });
      return {
        id: dim.id, number: dim.number, title: dim.title,
        mean: mean(values), answered: values.length, dontKnow: answers.length - values.length,
        statements: dim.statements.length
      };
    });
  }

  /** The n scored dimensions with the lowest mean, lowest first; ties keep the dimension order. */
  function lowest(scores, n) {
    return scores.filter(function (s) { return s.mean !== null; })
      .map(function (s, i) { return { score: s, order: i }; })
      .sort(function (a, b) { return a.score.mean - b.score.mean || a.order - b.order; })
      .slice(0, n)
      .map(function (item) { return item.score; });
  }

  /**
   * The team view: per dimension, the mean, lowest and highest of the members' dimension means,
   * and the spread (highest minus lowest). Members who scored nothing on a dimension are left out of it.
   * `starters`: up to `n` dimensions with the largest spread (above zero), largest first.
   */
  function team(docs, model, n) {
    var perMember = docs.map(function (doc) { return dimensionScores(doc, model); });
    var rows = model.dimensions.map(function (dim, i) {
      var values = perMember.map(function (scores) { return scores[i].mean; })
        .filter(function (v) { return v !== null; });
      var row = { id: dim.id, number: dim.number, title: dim.title, members: values.length,
                  mean: mean(values), min: null, max: null, spread: null };
      if (values.length) {
        row.min = Math.min.apply(null, values);
        row.max = Math.max.apply(null, values);
        row.spread = row.max - row.min;
      }
      return row;
    });
    var starters = rows.map(function (row, i) { return { row: row, order: i }; })
      .filter(function (item) { return item.row.members > 1 && item.row.spread > 0; })
      .sort(function (a, b) { return b.row.spread - a.row.spread || a.order - b.order; })
      .slice(0, n === undefined ? 3 : n)
      .map(function (item) { return item.row; });
    return { rows: rows, starters: starters };
  }

  /** Over time: per dimension the baseline mean, the current mean and the change (null when either is missing). */
  function compare(baseline, current, model) {
    var before = dimensionScores(baseline, model);
    var after = dimensionScores(current, model);
    return model.dimensions.map(function (dim, i) {
      var b = before[i].mean, a = after[i].mean;
      return { id: dim.id, number: dim.number, title: dim.title, before: b, after: a,
               change: b === null || a === null ? null : a - b };
    });
  }

  function text(value, max) {
    return typeof value === "string" ? value.slice(0, max || 5000) : "";
  }

  /**
   * Check a document read from a file or from storage against the model and keep what still fits.
   * Returns {error} (nothing usable) or {doc, notes}: notes say in Dutch what could not be taken over.
   */
  function parseDocument(raw, model) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw) || raw.format !== FORMAT) {
      return { error: "Dit is geen exportbestand van de zelfscan." };
    }
    if (raw.formatVersion !== FORMAT_VERSION) {
      return { error: typeof raw.formatVersion === "number" && raw.formatVersion > FORMAT_VERSION
        ? "Dit bestand is gemaakt met een nieuwere versie van de zelfscan en kan hier niet worden gelezen."
        : "Dit exportbestand is beschadigd: de versie van het bestandsformaat ontbreekt." };
    }
    if (!Array.isArray(raw.dimensions)) {
      return { error: "Dit exportbestand is beschadigd: de antwoorden ontbreken." };
    }
    var scaleValues = model.scale.map(function (s) { return s.value; });
    var known = {};
    model.dimensions.forEach(function (dim) { known[dim.id] = dim; });
    var doc = emptyDocument(model);
    var byId = {};
    doc.dimensions.forEach(function (d) { byId[d.id] = d; });
    var extra = [], seen = {}, changed = 0, invalid = 0;

    raw.dimensions.forEach(function (item) {
      if (!item || typeof item !== "object" || typeof item.id !== "string") { invalid += 1; return; }
      var dim = known[item.id];
      if (!dim) { extra.push(item.id); return; }
      seen[item.id] = true;
      var target = byId[item.id];
      target.good = text(item.good);
      target.better = text(item.better);
      var taken = {};
      (Array.isArray(item.answers) ? item.answers : []).forEach(function (answer) {
        var valid = answer && typeof answer === "object" &&
          (answer.value === null || scaleValues.indexOf(answer.value) !== -1);
        if (!valid) { invalid += 1; return; }
        var statement = dim.statements.filter(function (s) { return s.hash === answer.hash; })[0];
        if (!statement) { changed += 1; return; }
        if (taken[statement.index]) return;
        taken[statement.index] = true;
        target.answers.push({ index: statement.index, hash: statement.hash, value: answer.value });
      });
      target.answers.sort(function (a, b) { return a.index - b.index; });
    });

    doc.team = text(raw.team, 200);
    doc.name = text(raw.name, 200);
    doc.date = text(raw.date, 50);
    doc.savedAt = typeof raw.savedAt === "string" ? raw.savedAt : null;
    doc.priorities = (Array.isArray(raw.priorities) ? raw.priorities : [])
      .filter(function (id) { return typeof id === "string" && known[id]; });
    doc.plan = (Array.isArray(raw.plan) ? raw.plan : []).filter(function (row) {
      return row && typeof row === "object";
    }).map(function (row) {
      var out = {};
      PLAN_FIELDS.forEach(function (field) { out[field] = text(row[field], 1000); });
      return out;
    });

    var notes = [];
    var missing = model.dimensions.filter(function (dim) { return !seen[dim.id]; })
      .map(function (dim) { return dim.number + ". " + dim.title; });
    if (raw.contentVersion !== model.version) {
      notes.push("Deze antwoorden horen bij versie " + text(raw.contentVersion, 20) + " van de zelfscan; deze pagina is versie " +
                 model.version + ".");
    }
    if (extra.length) {
      notes.push("Niet overgenomen: " + extra.length + " dimensie(s) die deze versie niet meer kent (" +
                 extra.map(function (id) { return text(id, 60); }).join(", ") + ").");
    }
    if (missing.length && raw.dimensions.length) {
      notes.push("Nieuw in deze versie, nog niet ingevuld: " + missing.join(", ") + ".");
    }
    if (changed) {
      notes.push(changed + " antwoord(en) horen bij een uitspraak die intussen is gewijzigd en zijn niet overgenomen.");
    }
    if (invalid) {
      notes.push(invalid + " onleesbaar onderdeel/onderdelen overgeslagen.");
    }
    return { doc: doc, notes: notes };
  }

  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run a cell as a formula
    return /[;"\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** The answers as CSV for a spreadsheet (semicolons and a BOM, as Dutch Excel expects): one row per statement. */
  function toCsv(doc, model) {
    var labels = {};
    model.scale.forEach(function (s) { labels[s.value] = s.label; });
    var lines = [["Nummer", "Dimensie", "Uitspraak", "Score", "Antwoord"]];
    model.dimensions.forEach(function (dim) {
      var answers = {};
      answersOf(doc, dim.id).forEach(function (a) { answers[a.index] = a; });
      dim.statements.forEach(function (statement) {
        var answer = answers[statement.index];
        var score = answer && answer.value !== null ? answer.value : "";
        var label = !answer ? "" : answer.value === null ? "Weet ik niet" : labels[answer.value];
        lines.push([dim.number + "." + (statement.index + 1), dim.title, statement.text, score, label]);
      });
    });
    return "\ufeff" + lines.map(function (cells) { return cells.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }

  /** A score as Dutch readers write it: one decimal, decimal comma; a dash when there is none. */
  function formatScore(value) {
    return value === null ? "–" : value.toFixed(1).replace(".", ",");
  }

  return {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, emptyDocument: emptyDocument,
    dimensionScores: dimensionScores, lowest: lowest, team: team, compare: compare,
    parseDocument: parseDocument, toCsv: toCsv, formatScore: formatScore
  };
})();
