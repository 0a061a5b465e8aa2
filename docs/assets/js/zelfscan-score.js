/*
 * ZelfscanScore: the self-check's arithmetic, file format and merge, as pure functions (no page, no storage), so
 * they run in the browser and under `node --test` (tests/js/). Needs LoFormat (lo-format.js) loaded first.
 *
 * A "model" is the form as the page knows it (from the YAML): {version, scale, dimensions: [{id, number, title,
 * statements: [{index, hash, text}], ...}]}. A "document" is one person's answers, the same shape in
 * localStorage and in an exported file:
 *   {format, formatVersion, contentVersion, savedAt, respondent, team, name, date,
 *    dimensions: [{id, answers: [{index, hash, value}], good, better}], priorities: [id], plan: [{what, who, when, progress}]}
 * An answer's value is a score on the scale, or null for "weet ik niet"; an unanswered statement has no answer.
 * `respondent` is a random id (newRespondentId) that lets a team view recognise the same person.
 */
var ZelfscanScore = (function (Format) {
  "use strict";

  var FORMAT = Format.PREFIX + "zelfscan";
  var FORMAT_VERSION = 1;
  var SPEC = { format: FORMAT, formerFormats: ["lerende-organisatie-zelfscan"], version: FORMAT_VERSION,
               what: "exportbestand van de zelfscan" };
  var PLAN_FIELDS = ["what", "who", "when", "progress"];
  var HEADER = ["respondent", "team", "name", "date"];
  var BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's: no I, L, O, U to mistake for others

  function emptyDocument(model) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      contentVersion: model.version,
      savedAt: null,
      respondent: "",
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

  /** A new random respondent id: 8 base32 characters (40 bits), so a team view can tell people apart. */
  function newRespondentId(random) {
    var bytes = new Uint8Array(5);
    (random || globalThis.crypto).getRandomValues(bytes);
    var bits = 0, value = 0, id = "";
    bytes.forEach(function (byte) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) { bits -= 5; id += BASE32[(value >> bits) & 31]; }
    });
    return id;
  }

  function isRespondentId(id) {
    return typeof id === "string" && /^[0-9A-HJKMNP-TV-Z]{8}$/.test(id);
  }

  /** FNV-1a, 32 bits, over a text's UTF-16 code units: a fingerprint of content, not a secret. */
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
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

  function problem(found, name) {
    return { error: Format.fileProblem(found, name || "Dit bestand", SPEC), problem: found.problem, version: found.version };
  }

  /**
   * Check a document read from a file or from storage against the model and keep what still fits.
   * Returns {error, problem} (nothing usable; `name` names the file in the message) or {doc, notes}:
   * notes say in Dutch what could not be taken over.
   */
  function parseDocument(raw, model, name) {
    var found = Format.checkEnvelope(raw, SPEC);
    if (found) return problem(found, name);
    if (!Array.isArray(raw.dimensions)) return problem({ problem: "damaged", detail: "de antwoorden ontbreken" }, name);
    var scaleValues = model.scale.map(function (s) { return s.value; });
    var known = new Map();
    model.dimensions.forEach(function (dim) { known.set(dim.id, dim); });
    var doc = emptyDocument(model);
    var byId = new Map();
    doc.dimensions.forEach(function (d) { byId.set(d.id, d); });
    var extra = [], unsafe = [], seen = new Set(), changed = 0, invalid = 0;

    raw.dimensions.forEach(function (item) {
      if (!item || typeof item !== "object" || typeof item.id !== "string") { invalid += 1; return; }
      if (!Format.isSafeId(item.id)) { unsafe.push(item.id); return; }
      var dim = known.get(item.id);
      if (!dim || seen.has(item.id)) { if (!dim) extra.push(item.id); return; }
      seen.add(item.id);
      var target = byId.get(item.id);
      target.good = text(item.good);
      target.better = text(item.better);
      var taken = new Set();
      (Array.isArray(item.answers) ? item.answers : []).forEach(function (answer) {
        var valid = answer && typeof answer === "object" &&
          (answer.value === null || scaleValues.indexOf(answer.value) !== -1);
        if (!valid) { invalid += 1; return; }
        var statement = dim.statements.filter(function (s) { return s.hash === answer.hash; })[0];
        if (!statement) { changed += 1; return; }
        if (taken.has(statement.index)) return;
        taken.add(statement.index);
        target.answers.push({ index: statement.index, hash: statement.hash, value: answer.value });
      });
      target.answers.sort(function (a, b) { return a.index - b.index; });
    });

    doc.respondent = isRespondentId(raw.respondent) ? raw.respondent : "";
    doc.team = text(raw.team, 200);
    doc.name = text(raw.name, 200);
    doc.date = text(raw.date, 50);
    doc.savedAt = typeof raw.savedAt === "string" ? raw.savedAt : null;
    doc.priorities = (Array.isArray(raw.priorities) ? raw.priorities : [])
      .filter(function (id, i, all) { return known.has(id) && all.indexOf(id) === i; });
    doc.plan = (Array.isArray(raw.plan) ? raw.plan : []).filter(function (row) {
      return row && typeof row === "object";
    }).map(function (row) {
      var out = {};
      PLAN_FIELDS.forEach(function (field) { out[field] = text(row[field], 1000); });
      return out;
    });

    var notes = [];
    var missing = model.dimensions.filter(function (dim) { return !seen.has(dim.id); })
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
    if (unsafe.length) {
      notes.push("Overgeslagen: " + unsafe.length + " onderdeel/onderdelen met een ongeldige naam (" +
                 unsafe.map(function (id) { return JSON.stringify(text(id, 40)); }).join(", ") + ").");
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
    var lines = [["Nummer", "Dimensie", "Uitspraak", "Score", "Antwoord", "Respondent", "Versie"]];
    model.dimensions.forEach(function (dim) {
      var answers = {};
      answersOf(doc, dim.id).forEach(function (a) { answers[a.index] = a; });
      dim.statements.forEach(function (statement) {
        var answer = answers[statement.index];
        var score = answer && answer.value !== null ? answer.value : "";
        var label = !answer ? "" : answer.value === null ? "Weet ik niet" : labels[answer.value];
        lines.push([dim.number + "." + (statement.index + 1), dim.title, statement.text, score, label, doc.respondent, model.version]);
      });
    });
    return "\ufeff" + lines.map(function (cells) { return cells.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }

  /** A score as Dutch readers write it: one decimal, decimal comma; a dash when there is none. */
  function formatScore(value) {
    return value === null ? "–" : value.toFixed(1).replace(".", ",");
  }

  /**
   * A document as a flat record (Map): one field per header field, note, answer, priority and plan row,
   * e.g. "team", "good:<id>", "answer:<id>:<index>", "priority:<id>", "plan:<row>". Empty fields are left out.
   */
  function fields(doc) {
    var record = new Map();
    function put(key, value) { if (value !== "" && value !== undefined) record.set(key, value); }
    HEADER.forEach(function (field) { put(field, doc[field]); });
    doc.dimensions.forEach(function (dim) {
      put("good:" + dim.id, dim.good);
      put("better:" + dim.id, dim.better);
      dim.answers.forEach(function (a) { put("answer:" + dim.id + ":" + a.index, { hash: a.hash, value: a.value }); });
    });
    doc.priorities.forEach(function (id) { put("priority:" + id, true); });
    doc.plan.forEach(function (row, i) { put("plan:" + i, row); });
    return record;
  }

  /** The document a flat record describes (the inverse of fields()), in the model's order. */
  function fromFields(record, model) {
    var doc = emptyDocument(model);
    HEADER.forEach(function (field) { doc[field] = record.get(field) || ""; });
    doc.dimensions.forEach(function (dim, i) {
      dim.good = record.get("good:" + dim.id) || "";
      dim.better = record.get("better:" + dim.id) || "";
      model.dimensions[i].statements.forEach(function (s) {
        var answer = record.get("answer:" + dim.id + ":" + s.index);
        if (answer) dim.answers.push({ index: s.index, hash: answer.hash, value: answer.value });
      });
    });
    doc.priorities = model.dimensions.map(function (d) { return d.id; })
      .filter(function (id) { return record.get("priority:" + id); });
    var rows = [];
    record.forEach(function (value, key) { if (key.indexOf("plan:") === 0) rows.push([Number(key.slice(5)), value]); });
    doc.plan = rows.sort(function (a, b) { return a[0] - b[0]; }).map(function (row) { return row[1]; });
    return doc;
  }

  /**
   * Two tabs: `base` is what this tab last read or wrote, `mine` what it shows now, `theirs` what is stored now
   * (base and theirs may be null). Every field this tab changed keeps its value; every other field takes the stored one.
   */
  function merge(base, mine, theirs, model) {
    var empty = emptyDocument(model);
    var doc = fromFields(Format.merge3(fields(base || empty), fields(mine), fields(theirs || empty)), model);
    doc.savedAt = mine.savedAt;
    return doc;
  }

  /** Whether two documents hold the same answers, notes and plan (when they were saved does not count). */
  function sameContent(a, b) {
    function sorted(doc) { return Array.from(fields(doc)).sort(function (x, y) { return x[0] < y[0] ? -1 : 1; }); }
    return Format.same(sorted(a), sorted(b));
  }

  /** How many statements a document answers ("weet ik niet" included). */
  function answered(doc) {
    return doc.dimensions.reduce(function (n, dim) { return n + dim.answers.length; }, 0);
  }

  /** Whether a document holds anything besides its header: answers, notes, priorities or plan. */
  function hasContent(doc) {
    var record = fields(doc);
    HEADER.forEach(function (field) { record.delete(field); });
    return record.size > 0;
  }

  return {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, SPEC: SPEC, emptyDocument: emptyDocument,
    newRespondentId: newRespondentId, isRespondentId: isRespondentId, fnv1a: fnv1a,
    dimensionScores: dimensionScores, lowest: lowest, compare: compare,
    parseDocument: parseDocument, toCsv: toCsv, formatScore: formatScore,
    fields: fields, merge: merge, sameContent: sameContent, answered: answered, hasContent: hasContent
  };
})(typeof module !== "undefined" ? require("./lo-format.js") : LoFormat);
if (typeof module !== "undefined") module.exports = ZelfscanScore;
