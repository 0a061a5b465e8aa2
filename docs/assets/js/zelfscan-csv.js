/*
 * Reads the self-check's own CSV export back (ZelfscanScore.toCsv), for the team view. Pure functions; the page
 * loads this file only when someone chooses a .csv file.
 *
 * The export has one row per statement with the columns Nummer, Dimensie, Uitspraak, Score, Antwoord and, since
 * the respondent id, Respondent and Versie. A row is matched to a statement by its text (as the statement hash
 * is), so a statement rewritten since is noticed; a spreadsheet that saved the file with commas reads too.
 */
var ZelfscanCsv = (function (Score) {
  "use strict";

  /** Split CSV text into rows of cells: quoted cells may hold the separator, quotes ("") and line breaks. */
  function rows(text, separator) {
    var out = [], row = [], cell = "", quoted = false;
    for (var i = 0; i < text.length; i += 1) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') {
        quoted = true;
      } else if (c === separator) {
        row.push(cell); cell = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i += 1;
        row.push(cell); out.push(row); row = []; cell = "";
      } else {
        cell += c;
      }
    }
    if (cell || row.length) { row.push(cell); out.push(row); }
    return out.filter(function (r) { return r.some(function (x) { return x.trim(); }); });
  }

  function normal(text) {
    return String(text).replace(/^'(?=[=+\-@\t\r])/, "").split(/\s+/).filter(Boolean).join(" ");
  }

  /**
   * One member's CSV export against the model: {doc, notes} like ZelfscanScore.parseDocument, or {error}.
   * `name` is the file name, for the messages.
   */
  function readExport(text, model, name) {
    var source = String(text).replace(/^\ufeff/, "");
    var firstLine = source.split(/\r?\n/)[0];
    var table = rows(source, firstLine.indexOf(";") !== -1 ? ";" : ",");
    var header = (table[0] || []).map(function (h) { return normal(h).toLowerCase(); });
    var column = {};
    ["uitspraak", "score", "antwoord", "respondent", "versie"].forEach(function (key) { column[key] = header.indexOf(key); });
    if (column.uitspraak < 0 || column.score < 0 || column.antwoord < 0) {
      return { error: "'" + name + "' is geen CSV-export van de zelfscan: de kolommen Uitspraak, Score en Antwoord ontbreken. " +
        "Is het de export van een enquêtetool? Kies dan 'Enquête-export inlezen'." };
    }
    var statements = {};
    model.dimensions.forEach(function (dim) {
      dim.statements.forEach(function (s) { statements[normal(s.text)] = { dim: dim, statement: s }; });
    });
    var byDimension = {}, respondent = "", version = "", changed = 0, invalid = 0, answered = 0;
    table.slice(1).forEach(function (row) {
      var cell = function (key) { return column[key] < 0 ? "" : normal(row[column[key]] || ""); };
      respondent = respondent || cell("respondent");
      version = version || cell("versie");
      var score = cell("score"), label = cell("antwoord").toLowerCase();
      if (!score && !label) return;
      var found = statements[cell("uitspraak")];
      if (!found) { changed += 1; return; }
      var value = label === "weet ik niet" ? null : Number(score.replace(",", "."));
      if (value !== null && !model.scale.some(function (s) { return s.value === value; })) { invalid += 1; return; }
      (byDimension[found.dim.id] = byDimension[found.dim.id] || [])
        .push({ index: found.statement.index, hash: found.statement.hash, value: value });
      answered += 1;
    });
    if (!answered && !changed) return { error: "'" + name + "' bevat geen antwoorden." };
    var read = Score.parseDocument({
      format: Score.FORMAT, formatVersion: Score.FORMAT_VERSION, contentVersion: version || model.version,
      respondent: respondent,
      dimensions: model.dimensions.map(function (dim) { return { id: dim.id, answers: byDimension[dim.id] || [] }; })
    }, model);
    if (changed) read.notes.push(changed + " antwoord(en) horen bij een uitspraak die intussen is gewijzigd en zijn niet overgenomen.");
    if (invalid) read.notes.push(invalid + " onleesbare score(s) overgeslagen.");
    return read;
  }

  return { rows: rows, readExport: readExport };
})(typeof module !== "undefined" ? require("./zelfscan-score.js") : ZelfscanScore);
if (typeof module !== "undefined") module.exports = ZelfscanCsv;
