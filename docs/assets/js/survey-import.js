/*
 * Survey exports read back: LimeSurvey, KoboToolbox, Microsoft Forms and Google Forms, as pure functions (no page,
 * no storage), so they run in the browser and in Node's tests (tests/js/survey-import.test.js).
 *
 * In: the file's bytes and the self-check model as the page has it ({version, scale, dimensions: [{id,
 * number, title, statements: [{index, hash, text}]}]}). Out: {error} with a Dutch message, or {respondents, report}:
 *   respondent: {row, dimensions: [{id, answers: [{index, hash, value}]}], ROL, TEAM}
 *     `dimensions` holds what a self-check document holds, so ZelfscanScore's functions take a respondent as a
 *     document; `value` is a score on the scale or null for "weet ik niet", an unanswered statement has no answer.
 *     `row` is the respondent's row in the file (the header is row 1); ROL is "LG", "MW", "HR" (see ROLES) or
 *     null; TEAM is the text given, or null.
 *   report: {format, encoding, rows, respondents, emptyRows, statements, statementsTotal, ignoredColumns,
 *            unmatchedColumns, missingStatements, unreadableValues, unknownRoles, notes}
 *     `notes` says in Dutch what was read and what was left out, for the page to show as it is.
 *
 * Columns are recognised one by one, so every tool's layout works (the codes are those of macros/questionnaire.py):
 * a header with "H" + a statement's hash after "[" or "_" (LimeSurvey `code[Hhash]`, KoboToolbox `code_Hhash`), or a
 * header containing a statement's text (Microsoft Forms, Google Forms, exports with labels). An answer is its code
 * (the score, "WN") or its label ("Vaak", "Weet ik niet"). For progress on large files, open() returns a reader
 * that reads a number of rows per step(); read() does it all at once.
 *
 * Excel files (Microsoft Forms) need an unzip function and an XML parser: `env.unzipSync` (fflate's, vendored in
 * docs/assets/vendor/fflate/, loaded only when an Excel file is chosen) and `env.DOMParser` (the browser's).
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.SurveyImport = api;
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  var MAX_BYTES = 20 * 1000 * 1000;
  var MAX_UNZIPPED_BYTES = 200 * 1000 * 1000;
  var LISTED = 10; // names a note lists before it says "en nog ..."
  var DONT_KNOW = { code: "WN", label: "Weet ik niet" };
  var ROLES = [{ code: "LG", label: "Leidinggevende" }, { code: "MW", label: "Medewerker" }, { code: "HR", label: "HR" }];
  var BACKGROUND = { ROL: "wat is je rol in de organisatie", TEAM: "in welk team of op welke afdeling werk je" };
  var STATEMENT_CODE = /[\[_]H([0-9a-f]{12})(?![0-9A-Za-z])/;
  var NOT_SHOWN = "{question_not_shown}"; // LimeSurvey's mark for a question a respondent never saw
  // Columns the tools add themselves: known, so not listed as unknown, and a hint at which tool made the file.
  var TOOL_COLUMNS = {
    LimeSurvey: ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
                 "token", "antwoord id", "datum verstuurd", "laatste pagina", "starttaal"],
    KoboToolbox: ["start", "end", "today", "deviceid", "username", "__version__", "_id", "_uuid", "_submission_time",
                  "_validation_status", "_notes", "_status", "_submitted_by", "_tags", "_index", "meta/instanceid"],
    "Microsoft Forms": ["id", "start time", "completion time", "email", "name", "last modified time", "begintijd",
                        "eindtijd", "tijd van voltooien", "e-mail", "naam", "tijd van laatste wijziging"],
    "Google Forms": ["timestamp", "tijdstempel", "email address", "e-mailadres"]
  };
  var XLSX_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^\/]+\.xml)$/;

  var ERRORS = {
    empty: "Dit bestand is leeg.",
    tooLarge: function (bytes) {
      return "Dit bestand is te groot (" + megabytes(bytes) + "). De zelfscan leest bestanden tot " +
        megabytes(MAX_BYTES) + "; exporteer alleen de antwoorden, zonder bijlagen.";
    },
    notText: "Dit is geen CSV- of Excel-bestand. Exporteer de antwoorden uit je enquêtetool als CSV-bestand " +
      "(Microsoft Forms: als Excel-bestand).",
    noAnswers: "In dit bestand staan geen antwoorden, alleen kolomkoppen.",
    noStatements: "In dit bestand staat geen enkele uitspraak van de zelfscan. Gebruik een export van de vragenlijst " +
      "van de organisatiebrede nulmeting: met de vraagcodes als kolomkoppen (LimeSurvey, KoboToolbox) of met de " +
      "volledige teksten van de uitspraken (Microsoft Forms, Google Forms).",
    noExcel: "Excel-bestanden kunnen hier niet worden gelezen. Sla het bestand in Excel op als CSV (UTF-8) en kies " +
      "dat bestand.",
    brokenExcel: "Dit Excel-bestand is beschadigd of heeft geen werkblad met antwoorden. Open het in Excel, sla het " +
      "opnieuw op en probeer het nog eens, of sla het op als CSV (UTF-8)."
  };

  function megabytes(bytes) {
    return (bytes / 1000000).toFixed(bytes < 10000000 ? 1 : 0).replace(".", ",") + " MB";
  }

  /** Text as the matching compares it: lower case, one kind of space, quote and dash, no final punctuation. */
  function normalise(text) {
    return String(text).toLowerCase()
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/[\u2018\u2019\u201a\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\s+/g, " ").trim()
      .replace(/[\s.!?:;,]+$/, "");
  }

  function shorten(text, max) {
    var s = String(text).replace(/\s+/g, " ").trim();
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  function listed(items) {
    var shown = items.slice(0, LISTED).map(function (item) { return "'" + shorten(item, 60) + "'"; }).join(", ");
    return items.length > LISTED ? shown + " en nog " + (items.length - LISTED) : shown;
  }

  // --- Bytes to rows ----------------------------------------------------------------------------------------------

  function asBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (data && data.buffer instanceof ArrayBuffer) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return null;
  }

  function startsWith(bytes, signature) {
    for (var i = 0; i < signature.length; i++) if (bytes[i] !== signature[i]) return false;
    return true;
  }

  /** True for a zip file (an .xlsx): the page then loads the unzip library before it calls open(). */
  function needsUnzip(data) {
    var bytes = asBytes(data);
    return !!bytes && startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  }

  /** UTF-8 with or without BOM, UTF-16 with BOM, or else Windows-1252 (Excel's "CSV" on Dutch Windows). */
  function decode(bytes) {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
    if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
    if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (e) {
      return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
    }
  }

  /** Binary content (a PDF, an image, a Word file) has NUL or many other control characters. */
  function looksBinary(text) {
    var sample = text.slice(0, 4096);
    if (sample.indexOf("\u0000") !== -1) return true;
    var controls = sample.match(/[\u0001-\u0008\u000e-\u001f]/g);
    return !!controls && controls.length > sample.length / 100;
  }

  /** The delimiter of the header line: the most frequent of , ; and tab outside quotes (a comma when none). */
  function delimiterOf(text) {
    var counts = { ",": 0, ";": 0, "\t": 0 }, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === "\n" || c === "\r")) break;
      else if (!quoted && counts.hasOwnProperty(c)) counts[c] += 1;
    }
    return [",", ";", "\t"].reduce(function (best, d) { return counts[d] > counts[best] ? d : best; }, ",");
  }

  /** RFC 4180 records one at a time: quoted fields with delimiters, doubled quotes and line breaks; empty lines skipped. */
  function csvSource(text, delimiter) {
    var pos = 0, n = text.length, D = delimiter.charCodeAt(0);

    function isEnd(c) { return c === D || c === 10 || c === 13; }

    function next() {
      while (pos < n && (text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13)) pos++;
      if (pos >= n) return null;
      var row = [];
      for (;;) {
        var start, cell;
        if (text.charCodeAt(pos) === 34) {
          var parts = [];
          start = pos + 1;
          for (;;) {
            var quote = text.indexOf('"', start);
            if (quote === -1) { parts.push(text.slice(start)); pos = n; break; }
            parts.push(text.slice(start, quote));
            if (text.charCodeAt(quote + 1) === 34) { parts.push('"'); start = quote + 2; continue; }
            pos = quote + 1;
            break;
          }
          start = pos;
          while (pos < n && !isEnd(text.charCodeAt(pos))) pos++;
          cell = parts.join("") + text.slice(start, pos); // text after a closing quote is kept, as spreadsheets do
        } else {
          start = pos;
          while (pos < n && !isEnd(text.charCodeAt(pos))) pos++;
          cell = text.slice(start, pos);
        }
        row.push(cell);
        if (pos >= n) return row;
        var c = text.charCodeAt(pos);
        if (c === D) { pos++; continue; }
        pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
        return row;
      }
    }

    return { next: next, progress: function () { return n ? pos / n : 1; } };
  }

  function arraySource(rows) {
    var i = 0;
    return {
      next: function () { return i < rows.length ? rows[i++] : null; },
      progress: function () { return rows.length ? i / rows.length : 1; }
    };
  }

  // --- Excel (.xlsx) ----------------------------------------------------------------------------------------------

  function xmlDocument(bytes, Parser) {
    var doc = new Parser().parseFromString(new TextDecoder("utf-8").decode(bytes), "application/xml");
    if (!doc || !doc.documentElement || doc.getElementsByTagName("parsererror").length) throw new Error("xml");
    return doc;
  }

  function elements(node, name) {
    return Array.prototype.slice.call(node.getElementsByTagNameNS("*", name));
  }

  function textOf(node) {
    return elements(node, "t").filter(function (t) {
      for (var p = t.parentNode; p && p !== node; p = p.parentNode) if (p.localName === "rPh") return false;
      return true; // phonetic hints (rPh) are not part of the text
    }).map(function (t) { return t.textContent; }).join("");
  }

  function columnIndex(ref) {
    var letters = /^[A-Z]+/.exec(ref || "");
    if (!letters) return -1;
    var index = 0;
    for (var i = 0; i < letters[0].length; i++) index = index * 26 + letters[0].charCodeAt(i) - 64;
    return index - 1;
  }

  /** The first worksheet's rows as arrays of strings: shared, inline and plain values. */
  function xlsxRows(bytes, env) {
    if (!env.unzipSync || !env.DOMParser) return { error: ERRORS.noExcel };
    var files, declared = 0;
    try {
      files = env.unzipSync(bytes, {
        filter: function (file) {
          if (!XLSX_PARTS.test(file.name)) return false;
          declared += file.originalSize;
          return declared <= MAX_UNZIPPED_BYTES;
        }
      });
    } catch (e) {
      return { error: ERRORS.brokenExcel };
    }
    if (declared > MAX_UNZIPPED_BYTES) return { error: ERRORS.tooLarge(declared) };
    try {
      var sheet = firstSheetPath(files, env.DOMParser);
      if (!sheet || !files[sheet]) return { error: ERRORS.brokenExcel };
      var shared = files["xl/sharedStrings.xml"]
        ? elements(xmlDocument(files["xl/sharedStrings.xml"], env.DOMParser), "si").map(textOf) : [];
      var rows = elements(xmlDocument(files[sheet], env.DOMParser), "row").map(function (rowNode) {
        var row = [];
        elements(rowNode, "c").forEach(function (cell) {
          var at = columnIndex(cell.getAttribute("r"));
          if (at < 0) at = row.length;
          var type = cell.getAttribute("t"), v = elements(cell, "v")[0], value = v ? v.textContent : "";
          if (type === "s") value = shared[parseInt(value, 10)] || "";
          else if (type === "inlineStr") value = textOf(cell);
          while (row.length < at) row.push("");
          row[at] = value;
        });
        return row;
      });
      return { rows: rows };
    } catch (e) {
      return { error: ERRORS.brokenExcel };
    }
  }

  function firstSheetPath(files, Parser) {
    var names = Object.keys(files).filter(function (name) { return /^xl\/worksheets\//.test(name); }).sort();
    if (!files["xl/workbook.xml"] || !files["xl/_rels/workbook.xml.rels"]) return names[0];
    var sheet = elements(xmlDocument(files["xl/workbook.xml"], Parser), "sheet")[0];
    var id = sheet && (sheet.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id") ||
                       sheet.getAttribute("r:id"));
    var rel = elements(xmlDocument(files["xl/_rels/workbook.xml.rels"], Parser), "Relationship")
      .filter(function (r) { return r.getAttribute("Id") === id; })[0];
    if (!rel) return names[0];
    var target = rel.getAttribute("Target");
    return target.charAt(0) === "/" ? target.slice(1) : "xl/" + target;
  }

  // --- Columns ----------------------------------------------------------------------------------------------------

  function backgroundOf(header, clean) {
    var lastPart = header.split(/[\/\[\]]/).filter(Boolean).pop() || "";
    for (var code in BACKGROUND) {
      if (lastPart.trim().toUpperCase() === code || clean.indexOf(BACKGROUND[code]) !== -1) return code;
    }
    return null;
  }

  /** The tools that add a column of this name (KoboToolbox starts its own with "_"). */
  function toolsOf(clean) {
    var tools = Object.keys(TOOL_COLUMNS).filter(function (tool) { return TOOL_COLUMNS[tool].indexOf(clean) !== -1; });
    return tools.length || clean.charAt(0) !== "_" ? tools : ["KoboToolbox"];
  }

  /** What each column holds: a statement (by code or by text), ROL, TEAM, a tool's own column, or unknown. */
  function planColumns(header, model) {
    var byHash = {}, texts = [];
    model.dimensions.forEach(function (dim, d) {
      dim.statements.forEach(function (statement) {
        var ref = { dim: d, statement: statement };
        byHash[statement.hash] = ref;
        texts.push({ text: normalise(statement.text), ref: ref });
      });
    });
    var plan = { statements: [], ROL: -1, TEAM: -1, ignored: [], unmatched: [], tools: {}, codeStyle: null };
    var taken = {};
    header.forEach(function (raw, i) {
      var name = String(raw).replace(/^\ufeff/, "").trim();
      var clean = normalise(name);
      if (!clean) return;
      var code = STATEMENT_CODE.exec(name), ref = null;
      if (code) {
        ref = byHash[code[1]];
        if (!ref) { plan.unmatched.push(name); return; }
        plan.codeStyle = plan.codeStyle || (code[0].charAt(0) === "[" ? "LimeSurvey" : "KoboToolbox");
      } else {
        var background = backgroundOf(name, clean);
        if (background) {
          if (plan[background] === -1) plan[background] = i; else plan.ignored.push(name);
          return;
        }
        texts.forEach(function (t) {
          if (clean.indexOf(t.text) !== -1 && (!ref || t.text.length > normalise(ref.statement.text).length)) ref = t.ref;
        });
      }
      if (ref && !taken[ref.statement.hash]) {
        taken[ref.statement.hash] = true;
        plan.statements.push({ column: i, name: name, dim: ref.dim, statement: ref.statement });
        return;
      }
      var tools = ref ? [] : toolsOf(clean);
      tools.forEach(function (tool) { plan.tools[tool] = (plan.tools[tool] || 0) + 1; });
      if (!tools.length) plan.ignored.push(name);
    });
    plan.missing = [];
    model.dimensions.forEach(function (dim) {
      dim.statements.forEach(function (statement) {
        if (!taken[statement.hash]) {
          plan.missing.push({ id: dim.id, number: dim.number, index: statement.index, text: statement.text });
        }
      });
    });
    return plan;
  }

  function formatOf(plan, isExcel) {
    if (plan.codeStyle) return plan.codeStyle;
    if (isExcel) return "Microsoft Forms";
    var votes = Object.keys(plan.tools).sort(function (a, b) { return plan.tools[b] - plan.tools[a]; });
    return votes.length && (votes.length === 1 || plan.tools[votes[0]] > plan.tools[votes[1]]) ? votes[0] : "CSV";
  }

  // --- Values -----------------------------------------------------------------------------------------------------

  function scoreReader(model) {
    var byText = {};
    model.scale.forEach(function (s) { byText[String(s.value)] = s.value; byText[normalise(s.label)] = s.value; });
    byText[normalise(DONT_KNOW.code)] = null;
    byText[normalise(DONT_KNOW.label)] = null;
    var seen = {}; // a file holds few distinct answers: normalise each once
    return function (raw) {
      if (seen.hasOwnProperty(raw)) return seen[raw];
      var clean = normalise(raw), whole = /^(\d+)(?:[.,]0+)?$/.exec(clean);
      if (whole) clean = whole[1]; // a spreadsheet may write 3 as 3.0
      return (seen[raw] = byText.hasOwnProperty(clean) ? byText[clean] : undefined);
    };
  }

  var ROLE_BY_TEXT = {};
  ROLES.forEach(function (role) { ROLE_BY_TEXT[normalise(role.code)] = role.code; ROLE_BY_TEXT[normalise(role.label)] = role.code; });

  function counter() {
    var counts = {}, order = [];
    return {
      add: function (key, item) {
        if (!counts[key]) { counts[key] = { item: item, count: 0 }; order.push(key); }
        counts[key].count += 1;
      },
      list: function () { return order.map(function (key) { counts[key].item.count = counts[key].count; return counts[key].item; }); },
      total: function () { return order.reduce(function (sum, key) { return sum + counts[key].count; }, 0); }
    };
  }

  // --- Reading ----------------------------------------------------------------------------------------------------

  /**
   * Check the file and read its header; then step(n) reads up to n more respondents, progress() says how far it
   * is (0 to 1) and result() gives {respondents, report}. Returns {error} when the file cannot be used.
   */
  function open(data, model, env) {
    env = env || { unzipSync: root && root.fflate && root.fflate.unzipSync, DOMParser: root && root.DOMParser };
    var bytes = asBytes(data);
    if (!bytes || !bytes.length) return { error: ERRORS.empty };
    if (bytes.length > MAX_BYTES) return { error: ERRORS.tooLarge(bytes.length) };

    var source, encoding = null, delimiter = null, isExcel = needsUnzip(bytes);
    if (isExcel) {
      var sheet = xlsxRows(bytes, env);
      if (sheet.error) return sheet;
      source = arraySource(sheet.rows);
    } else {
      var decoded = decode(bytes);
      if (looksBinary(decoded.text)) return { error: ERRORS.notText };
      if (!decoded.text.trim()) return { error: ERRORS.empty };
      encoding = decoded.encoding;
      delimiter = delimiterOf(decoded.text);
      source = csvSource(decoded.text, delimiter);
    }
    var header = source.next() || [];
    var plan = planColumns(header, model);
    if (!plan.statements.length) return { error: ERRORS.noStatements };

    var score = scoreReader(model);
    var respondents = [], rowNumber = 1, emptyRows = 0, finished = false;
    var unreadable = counter(), unknownRoles = counter();

    function cell(row, column) {
      var value = column >= 0 && column < row.length ? row[column] : "";
      return String(value).trim();
    }

    function respondent(row) {
      var dims = model.dimensions.map(function (dim) { return { id: dim.id, answers: [] }; });
      var answered = 0;
      plan.statements.forEach(function (column) {
        var raw = cell(row, column.column);
        if (!raw || raw === NOT_SHOWN) return;
        var value = score(raw);
        if (value === undefined) {
          unreadable.add(column.name + "\u0000" + raw, { column: shorten(column.name, 80), value: shorten(raw, 40) });
          return;
        }
        dims[column.dim].answers.push({ index: column.statement.index, hash: column.statement.hash, value: value });
        answered += 1;
      });
      if (!answered) return null;
      dims.forEach(function (dim) { dim.answers.sort(function (a, b) { return a.index - b.index; }); });
      var role = cell(row, plan.ROL), team = cell(row, plan.TEAM).replace(/\s+/g, " ");
      var roleCode = role && role !== NOT_SHOWN ? ROLE_BY_TEXT[normalise(role)] : undefined;
      if (role && role !== NOT_SHOWN && !roleCode) unknownRoles.add(normalise(role), { value: shorten(role, 40) });
      return { row: rowNumber, dimensions: dims, ROL: roleCode || null,
               TEAM: team && team !== NOT_SHOWN ? team.slice(0, 100) : null };
    }

    function step(max) {
      for (var i = 0; i < max && !finished; i++) {
        var row = source.next();
        if (row === null) { finished = true; break; }
        rowNumber += 1;
        var found = respondent(row);
        if (found) respondents.push(found); else emptyRows += 1;
      }
      return finished;
    }

    function result() {
      if (!respondents.length) return { error: ERRORS.noAnswers };
      var statementsTotal = model.dimensions.reduce(function (sum, dim) { return sum + dim.statements.length; }, 0);
      var report = {
        format: formatOf(plan, isExcel), encoding: encoding, delimiter: delimiter,
        rows: rowNumber - 1, respondents: respondents.length, emptyRows: emptyRows,
        statements: plan.statements.length, statementsTotal: statementsTotal,
        ignoredColumns: plan.ignored, unmatchedColumns: plan.unmatched, missingStatements: plan.missing,
        unreadableValues: unreadable.list(), unknownRoles: unknownRoles.list(),
        roleColumn: plan.ROL !== -1, teamColumn: plan.TEAM !== -1
      };
      report.notes = notes(report, unreadable.total(), unknownRoles.total());
      return { respondents: respondents, report: report };
    }

    return { step: step, progress: function () { return finished ? 1 : source.progress(); }, result: result };
  }

  function notes(report, unreadableCount, unknownRoleCount) {
    var out = ["Gelezen als " + report.format + ": " + report.respondents + " respondent(en), " + report.statements +
               " van de " + report.statementsTotal + " uitspraken gevonden."];
    if (report.emptyRows) out.push(report.emptyRows + " rij(en) zonder antwoorden overgeslagen.");
    if (report.missingStatements.length) {
      out.push("Niet in het bestand: " + report.missingStatements.length + " uitspraak/uitspraken (" +
               report.missingStatements.slice(0, LISTED).map(function (s) { return s.number + "." + (s.index + 1); })
                 .join(", ") + (report.missingStatements.length > LISTED ? " en meer" : "") +
               "). Die tellen niet mee.");
    }
    if (report.unmatchedColumns.length) {
      out.push("Niet gebruikt: " + report.unmatchedColumns.length + " kolom(men) met een uitspraak die niet (meer) in " +
               "deze versie van de zelfscan staat: " + listed(report.unmatchedColumns) + ".");
    }
    if (report.ignoredColumns.length) {
      out.push("Niet gebruikt: " + report.ignoredColumns.length + " kolom(men) die niet bij de zelfscan horen: " +
               listed(report.ignoredColumns) + ".");
    }
    if (unreadableCount) {
      var first = report.unreadableValues[0];
      out.push(unreadableCount + " antwoord(en) niet herkend en niet meegeteld, bijvoorbeeld '" + first.value +
               "' bij '" + shorten(first.column, 60) + "'. Gebruik de antwoorden precies zoals in de vragenlijst.");
    }
    if (unknownRoleCount) {
      out.push(unknownRoleCount + " keer een onbekende rol (" +
               listed(report.unknownRoles.map(function (r) { return r.value; })) + "); die respondenten tellen mee " +
               "zonder rol.");
    }
    return out;
  }

  function read(data, model, env) {
    var reader = open(data, model, env);
    if (reader.error) return reader;
    reader.step(Infinity);
    return reader.result();
  }

  return {
    MAX_BYTES: MAX_BYTES, ROLES: ROLES, DONT_KNOW: DONT_KNOW, tooLarge: ERRORS.tooLarge,
    needsUnzip: needsUnzip, open: open, read: read, parseCsv: function (text) {
      var source = csvSource(text, delimiterOf(text)), rows = [], row;
      while ((row = source.next()) !== null) rows.push(row);
      return rows;
    }
  };
});
