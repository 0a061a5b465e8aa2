// Reading survey exports back (docs/assets/js/survey-import.js). Every export file is made here, in the shape its
// tool documents: LimeSurvey's response CSV with question codes, KoboToolbox's CSV with XML names, Microsoft Forms'
// Excel file and its CSV as Dutch Excel saves it, Google Forms' CSV. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const path = require("node:path");
const { DOMParser } = require("@xmldom/xmldom");

const ROOT = path.resolve(__dirname, "..", "..");
const SurveyImport = require(path.join(ROOT, "docs/assets/js/survey-import.js"));
const fflate = require(path.join(ROOT, "docs/assets/vendor/fflate/fflate.js"));
const Team = require(path.join(ROOT, "docs/assets/js/zelfscan-team.js"));

const EXCEL = { unzipSync: fflate.unzipSync, DOMParser };

/** The statement hash of macros/selfcheck.py: SHA-256 of the text with its spaces collapsed, 12 hex digits. */
function hash(text) {
  return crypto.createHash("sha256").update(text.trim().split(/\s+/).join(" "), "utf8").digest("hex").slice(0, 12);
}

function dimension(id, number, title, texts) {
  return { id, number, title, statements: texts.map((text, index) => ({ index, hash: hash(text), text })) };
}

const LABELS = ["Nauwelijks", "Soms", "Regelmatig", "Vaak", "Vanzelfsprekend"];
const MODEL = {
  version: "2026.1",
  scale: LABELS.map((label, i) => ({ value: i + 1, label })),
  dimensions: [
    dimension("gedragen-visie", 1, "Gedragen visie", [
      "In ons team kennen we de visie.",
      "In ons team praten we over de visie.",
      "In ons team praten we over de visie en de strategie."  // contains the one before: the longest match wins
    ]),
    dimension("feedbackprocessen", 2, "Feedback", [
      "We vragen elkaar om feedback.",
      "De leidinggevende vraagt om een reactie op zijn of haar aanpak, ook als het \u201clastig\u201d is."
    ])
  ]
};
const [A, B] = MODEL.dimensions;
const CODES = { "gedragen-visie": "gedragenvisie", feedbackprocessen: "feedbackprocessen" };
const STATEMENTS = MODEL.dimensions.flatMap((dim) => dim.statements.map((s) => ({ dim, s })));

// Three respondents; per statement [A0, A1, A2, B0, B1] a score, "?" for "weet ik niet" or "" for no answer.
const PEOPLE = [
  { answers: [4, 3, 5, 2, "?"], ROL: "LG", TEAM: "Financiën" },
  { answers: [1, "", 2, 5, 4], ROL: "MW", TEAM: "Zorg, team \"Noord\"\nlocatie 2" },
  { answers: ["?", 2, 2, "", 3], ROL: "HR", TEAM: "" }
];
const ROLE_LABELS = { LG: "Leidinggevende", MW: "Medewerker", HR: "HR" };

function expectedDimensions(person) {
  let k = 0;
  return MODEL.dimensions.map((dim) => ({
    id: dim.id,
    answers: dim.statements.map((s) => ({ s, a: person.answers[k++] }))
      .filter(({ a }) => a !== "")
      .map(({ s, a }) => ({ index: s.index, hash: s.hash, value: a === "?" ? null : a }))
  }));
}

function csvLine(cells, sep, quoteAll) {
  return cells.map((c) => {
    const s = String(c);
    return quoteAll || /[";\n\r,\t]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }).join(sep);
}

function bytes(text, { bom = false, encoding = "utf-8" } = {}) {
  if (encoding === "windows-1252") {
    return Uint8Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      assert.ok(code < 256, "test text must fit Windows-1252");
      return code;
    });
  }
  if (encoding === "utf-16le") {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) { out[2 + 2 * i] = text.charCodeAt(i) & 255; out[3 + 2 * i] = text.charCodeAt(i) >> 8; }
    return out;
  }
  return new TextEncoder().encode((bom ? "\ufeff" : "") + text);
}

const code = (a) => (a === "?" ? "WN" : String(a));
const label = (a) => (a === "?" ? "Weet ik niet" : a === "" ? "" : LABELS[a - 1]);

/** LimeSurvey: CSV, comma, every field quoted, UTF-8 with BOM; headings "question code", answers "answer codes". */
function limesurveyCsv({ extra = [] } = {}) {
  const header = ["id", "submitdate", "lastpage", "startlanguage", "seed",
    ...STATEMENTS.map(({ dim, s }) => `${CODES[dim.id]}[H${s.hash}]`), "ROL", "TEAM", ...extra.map((e) => e.header)];
  const lines = [header, ...PEOPLE.map((p, i) => [String(i + 1), "2026-11-30 10:00:00", "3", "nl", "123",
    ...p.answers.map((a) => (a === "" ? "" : code(a))), p.ROL, p.TEAM, ...extra.map((e) => e.value)])];
  return bytes(lines.map((l) => csvLine(l, ",", true)).join("\r\n") + "\r\n", { bom: true });
}

/** KoboToolbox: CSV with ";" (its default), "XML values and headers", group names in the headers. */
function koboCsv() {
  const header = ["start", "end", ...STATEMENTS.map(({ dim, s }) => `${CODES[dim.id]}/${CODES[dim.id]}_H${s.hash}`),
    "ROL", "TEAM", "_id", "_uuid", "_submission_time", "_validation_status", "_index"];
  const lines = [header, ...PEOPLE.map((p, i) => ["2026-11-30T10:00:00.000+01:00", "2026-11-30T10:05:00.000+01:00",
    ...p.answers.map((a) => (a === "" ? "" : code(a))), p.ROL, p.TEAM, String(100 + i), "uuid-" + i,
    "2026-11-30T09:05:00", "", String(i + 1)])];
  return bytes(lines.map((l) => csvLine(l, ";", false)).join("\n") + "\n");
}

/** Microsoft Forms' Excel file saved as "CSV (gescheiden door lijstscheidingsteken)" by Dutch Excel:
 *  semicolons, Windows-1252, no BOM; a header per Likert row with the statement's text, typed without its full stop. */
function msFormsCsv() {
  const header = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam",
    ...STATEMENTS.map(({ s }) => s.text.replace(/\.$/, "").replace(/[\u201c\u201d]/g, '"')),
    "Wat is je rol in de organisatie?", "In welk team of op welke afdeling werk je?"];
  const lines = [header, ...PEOPLE.map((p, i) => [String(i + 1), "30-11-2026 10:00:00", "30-11-2026 10:05:00",
    "anonymous", "", ...p.answers.map((a) => label(a).toLowerCase()), ROLE_LABELS[p.ROL], p.TEAM])];
  return bytes(lines.map((l) => csvLine(l, ";", false)).join("\r\n") + "\r\n", { encoding: "windows-1252" });
}

/** Google Forms: CSV, comma, UTF-8 without BOM; a grid's columns are "Title [Row]". */
function googleFormsCsv() {
  const header = ["Tijdstempel", ...STATEMENTS.map(({ dim, s }) => `${dim.number}. ${dim.title} [${s.text}]`),
    "Wat is je rol in de organisatie?", "In welk team of op welke afdeling werk je?"];
  const lines = [header, ...PEOPLE.map((p) => ["2026/11/30 10:00:00 CET", ...p.answers.map(label), ROLE_LABELS[p.ROL], p.TEAM])];
  return bytes(lines.map((l) => csvLine(l, ",", false)).join("\r\n"));
}

function xml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Microsoft Forms' own Excel download: shared strings for the header, inline strings and numbers below. */
function msFormsXlsx() {
  const header = ["ID", "Start time", "Completion time", "Email", "Name", ...STATEMENTS.map(({ s }) => s.text),
    "Wat is je rol in de organisatie?", "In welk team of op welke afdeling werk je?"];
  const col = (i) => (i >= 26 ? String.fromCharCode(64 + Math.floor(i / 26)) : "") + String.fromCharCode(65 + (i % 26));
  const headerRow = `<row r="1">${header.map((_, i) => `<c r="${col(i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
  const rows = PEOPLE.map((p, r) => {
    const cells = [String(r + 1), "46356.41", "46356.42", "anonymous", "", ...p.answers.map(label), ROLE_LABELS[p.ROL], p.TEAM];
    return `<row r="${r + 2}">` + cells.map((v, i) => {
      if (v === "") return "";  // Excel leaves empty cells out
      if (/^\d+(\.\d+)?$/.test(v)) return `<c r="${col(i)}${r + 2}"><v>${v}</v></c>`;
      return `<c r="${col(i)}${r + 2}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
    }).join("") + "</row>";
  });
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow}${rows.join("")}</sheetData></worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${header.length}">` +
    header.map((h, i) => (i === 5
      ? `<si><r><t>${xml(h.slice(0, 10))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${xml(h.slice(10))}</t></r><rPh><t>x</t></rPh></si>`
      : `<si><t>${xml(h)}</t></si>`)).join("") + "</sst>";
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId3"/></sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/antwoorden.xml"/></Relationships>`;
  const files = {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": rels,
    "xl/sharedStrings.xml": shared,
    "xl/worksheets/antwoorden.xml": sheet,
    "xl/worksheets/leeg.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`
  };
  const input = {};
  for (const name in files) input[name] = fflate.strToU8(files[name]);
  return fflate.zipSync(input);
}

function assertPeopleRead(result, { teams = PEOPLE.map((p) => p.TEAM || null) } = {}) {
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.respondents.length, PEOPLE.length);
  result.respondents.forEach((respondent, i) => {
    assert.deepEqual(respondent.dimensions, expectedDimensions(PEOPLE[i]), `respondent ${i + 1}`);
    assert.equal(respondent.ROL, PEOPLE[i].ROL);
    assert.equal(respondent.TEAM, teams[i]);
    assert.equal(respondent.row, i + 2, "the header is row 1");
  });
}

test("LimeSurvey: question codes as headers, answer codes as values", () => {
  const result = SurveyImport.read(limesurveyCsv(), MODEL);
  assertPeopleRead(result, { teams: ["Financiën", "Zorg, team \"Noord\" locatie 2", null] });
  assert.equal(result.report.format, "LimeSurvey");
  assert.equal(result.report.encoding, "UTF-8");
  assert.deepEqual(result.report.ignoredColumns, [], "LimeSurvey's own columns are known, not unknown");
  assert.equal(result.report.statements, 5);
  assert.deepEqual(result.report.missingStatements, []);
});

test("KoboToolbox: semicolons, XML names under their group", () => {
  const result = SurveyImport.read(koboCsv(), MODEL);
  assertPeopleRead(result, { teams: ["Financiën", "Zorg, team \"Noord\" locatie 2", null] });
  assert.equal(result.report.format, "KoboToolbox");
  assert.equal(result.report.delimiter, ";");
  assert.deepEqual(result.report.ignoredColumns, []);
});

test("Microsoft Forms saved as CSV by Dutch Excel: Windows-1252, semicolons, labels in any case", () => {
  const result = SurveyImport.read(msFormsCsv(), MODEL);
  assertPeopleRead(result, { teams: ["Financiën", "Zorg, team \"Noord\" locatie 2", null] });
  assert.equal(result.report.encoding, "Windows-1252");
  assert.equal(result.report.format, "Microsoft Forms");
});

test("Google Forms: grid headers 'Title [row]', quoted fields with commas and line breaks, no BOM", () => {
  const result = SurveyImport.read(googleFormsCsv(), MODEL);
  assertPeopleRead(result, { teams: ["Financiën", "Zorg, team \"Noord\" locatie 2", null] });
  assert.equal(result.report.format, "Google Forms");
  assert.equal(result.report.delimiter, ",");
});

test("Microsoft Forms' Excel file: shared and inline strings, rich text, empty cells left out, sheet by relation", () => {
  const file = msFormsXlsx();
  assert.ok(SurveyImport.needsUnzip(file));
  const result = SurveyImport.read(file, MODEL, EXCEL);
  assertPeopleRead(result, { teams: ["Financiën", "Zorg, team \"Noord\" locatie 2", null] });
  assert.equal(result.report.format, "Microsoft Forms");
  assert.deepEqual(result.report.ignoredColumns, []);
});

test("UTF-16 with tabs, as Excel saves 'Unicode text'", () => {
  const header = ["ID", ...STATEMENTS.map(({ s }) => s.text), "Wat is je rol in de organisatie?"];
  const lines = [header, ...PEOPLE.map((p, i) => [String(i + 1), ...p.answers.map(label), ROLE_LABELS[p.ROL]])];
  const result = SurveyImport.read(bytes(lines.map((l) => l.join("\t")).join("\r\n"), { encoding: "utf-16le" }), MODEL);
  assertPeopleRead(result, { teams: [null, null, null] });
  assert.equal(result.report.encoding, "UTF-16");
});

test("a respondent is a self-check document for the team view", () => {
  const { respondents } = SurveyImport.read(limesurveyCsv(), MODEL);
  const team = Team.summary(respondents, MODEL);
  // Gedragen visie: (4+3+5)/3 = 4, (1+2)/2 = 1.5, (2+2)/2 = 2; mean (4 + 1.5 + 2) / 3 = 2.5.
  assert.deepEqual([team.dimensions[0].min, team.dimensions[0].max, team.dimensions[0].mean], [1.5, 4, 2.5]);
  // Feedback: 2 (one "weet ik niet"), (5+4)/2 = 4.5, 3.
  assert.deepEqual([team.dimensions[1].min, team.dimensions[1].max, team.dimensions[1].members], [2, 4.5, 3]);
});

test("unknown columns, statements no longer in the zelfscan and missing statements are named", () => {
  const oldHash = hash("Een uitspraak die er niet meer is.");
  const text = new TextDecoder().decode(limesurveyCsv({
    extra: [{ header: "Opmerking", value: "=1+1" }, { header: `gedragenvisie[H${oldHash}]`, value: "3" }]
  })).replace(new RegExp(`"feedbackprocessen\\[H${B.statements[1].hash}\\]"`), '"feedbackprocessen[Hffffffffffff]"');
  const result = SurveyImport.read(bytes(text), MODEL);
  assert.deepEqual(result.report.ignoredColumns, ["Opmerking"]);
  assert.deepEqual(result.report.unmatchedColumns, ["feedbackprocessen[Hffffffffffff]", `gedragenvisie[H${oldHash}]`]);
  assert.deepEqual(result.report.missingStatements, [{ id: B.id, number: 2, index: 1, text: B.statements[1].text }]);
  assert.equal(result.respondents[0].dimensions[1].answers.length, 1);
  const notes = result.report.notes.join("\n");
  assert.match(notes, /Gelezen als LimeSurvey: 3 respondent\(en\), 4 van de 5 uitspraken gevonden\./);
  assert.match(notes, /Niet in het bestand: 1 uitspraak\/uitspraken \(2\.2\)/);
  assert.match(notes, /1 kolom\(men\) die niet bij de zelfscan horen: 'Opmerking'/);
  assert.match(notes, /2 kolom\(men\) met een uitspraak die niet \(meer\) in deze versie/);
});

test("unreadable answers and unknown roles are counted and named, the rest is read", () => {
  const header = ["Tijdstempel", A.statements[0].text, A.statements[1].text, "Wat is je rol in de organisatie?"];
  const lines = [header, ["1", "Vaak", "Altijd", "Directeur"], ["2", "3,0", "soms", "medewerker"], ["3", "Altijd", "", "Directeur"]];
  const result = SurveyImport.read(bytes(lines.map((l) => l.join(";")).join("\n")), MODEL);
  assert.deepEqual(result.respondents.map((r) => r.dimensions[0].answers.map((a) => a.value)), [[4], [3, 2]]);
  assert.deepEqual(result.respondents.map((r) => r.ROL), [null, "MW"]);
  assert.deepEqual(result.report.unreadableValues, [
    { column: A.statements[1].text, value: "Altijd", count: 1 }, { column: A.statements[0].text, value: "Altijd", count: 1 }]);
  assert.deepEqual(result.report.unknownRoles, [{ value: "Directeur", count: 1 }], "a skipped row does not count");
  assert.equal(result.report.emptyRows, 1, "the third row has no readable answer");
  assert.match(result.report.notes.join("\n"), /2 antwoord\(en\) niet herkend en niet meegeteld, bijvoorbeeld 'Altijd'/);
  assert.match(result.report.notes.join("\n"), /1 keer een onbekende rol \('Directeur'\)/);
});

test("rows without answers (LimeSurvey's unfinished responses) are skipped and counted", () => {
  const header = ["id", `gedragenvisie[H${A.statements[0].hash}]`, "ROL"];
  const lines = [header, ["1", "", "LG"], ["2", "{question_not_shown}", ""], ["3", "5", ""], [], ["4", "", ""]];
  const result = SurveyImport.read(bytes(lines.map((l) => csvLine(l, ",", true)).join("\n")), MODEL);
  assert.equal(result.respondents.length, 1);
  assert.equal(result.respondents[0].row, 4);
  assert.equal(result.report.emptyRows, 3);
  assert.equal(result.report.rows, 4, "an empty line is no row");
  assert.deepEqual(result.report.unreadableValues, [], "a question not shown is no answer, not an unreadable one");
});

test("reading in steps gives the same result and reports progress", () => {
  const file = googleFormsCsv();
  const reader = SurveyImport.open(file, MODEL);
  const seen = [];
  while (!reader.step(1)) seen.push(reader.progress());
  assert.deepEqual(reader.result(), SurveyImport.read(file, MODEL));
  assert.ok(seen.length >= 2 && seen.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= seen[i - 1])));
  assert.equal(reader.progress(), 1);
});

test("CSV records: quoted delimiters, doubled quotes, line breaks in quotes, trailing delimiters", () => {
  assert.deepEqual(SurveyImport.parseCsv('a;b;c\r\n"x;y";"he said ""hi""";\r\n"multi\r\nline";2;3'),
    [["a", "b", "c"], ["x;y", 'he said "hi"', ""], ["multi\r\nline", "2", "3"]]);
  assert.deepEqual(SurveyImport.parseCsv("a,b\n\n1,2\n"), [["a", "b"], ["1", "2"]]);
  assert.deepEqual(SurveyImport.parseCsv('"unterminated,1\n2'), [["unterminated,1\n2"]]);
});

test("hostile files get a Dutch message, and nothing is returned to load", () => {
  const errors = {
    empty: SurveyImport.read(new Uint8Array(0), MODEL).error,
    blank: SurveyImport.read(bytes("\r\n  \n"), MODEL).error,
    huge: SurveyImport.read(new Uint8Array(50 * 1000 * 1000), MODEL).error,
    pdf: SurveyImport.read(bytes("%PDF-1.7\n\u0000\u0001\u0002 stream"), MODEL).error,
    png: SurveyImport.read(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), MODEL).error,
    wrongColumns: SurveyImport.read(bytes("naam,leeftijd\nJan,40\n"), MODEL).error,
    headerOnly: SurveyImport.read(bytes(`"id","gedragenvisie[H${A.statements[0].hash}]"\n`), MODEL).error,
    excelWithoutLibrary: SurveyImport.read(msFormsXlsx(), MODEL, {}).error,
    brokenZip: SurveyImport.read(bytes("PK\u0003\u0004 niet echt een zip"), MODEL, EXCEL).error,
    zipWithoutSheet: SurveyImport.read(fflate.zipSync({ "readme.txt": fflate.strToU8("hallo") }), MODEL, EXCEL).error
  };
  assert.equal(errors.empty, "Dit bestand is leeg.");
  assert.equal(errors.blank, "Dit bestand is leeg.");
  assert.match(errors.huge, /^Dit bestand is te groot \(50 MB\)\. De zelfscan leest bestanden tot 20 MB/);
  assert.match(errors.pdf, /^Dit is geen CSV- of Excel-bestand\./);
  assert.match(errors.png, /^Dit is geen CSV- of Excel-bestand\./);
  assert.match(errors.wrongColumns, /^In dit bestand staat geen enkele uitspraak van de zelfscan\./);
  assert.equal(errors.headerOnly, "In dit bestand staan geen antwoorden, alleen kolomkoppen.");
  assert.match(errors.excelWithoutLibrary, /^Excel-bestanden kunnen hier niet worden gelezen\./);
  assert.match(errors.brokenZip, /^Dit Excel-bestand is beschadigd/);
  assert.match(errors.zipWithoutSheet, /^Dit Excel-bestand is beschadigd/);
});

test("an Excel file that would unpack to more than the limit is refused before it is unpacked", () => {
  // A small zip whose directory declares 201 MB unpacked (a "zip bomb" declares its size like this).
  const big = fflate.zipSync({ "xl/worksheets/sheet1.xml": fflate.strToU8("<worksheet/>") });
  const directory = Buffer.from(big).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  new DataView(big.buffer, big.byteOffset).setUint32(directory + 24, 201 * 1000 * 1000, true);
  assert.match(SurveyImport.read(big, MODEL, EXCEL).error, /^Dit bestand is te groot \(201 MB\)/);
});
