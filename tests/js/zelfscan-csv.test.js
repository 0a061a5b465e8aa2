/* Reading the self-check's own CSV export back (docs/assets/js/zelfscan-csv.js), as the team view does. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { makeModel, answersFor } = require("./model");
const Score = require("../../docs/assets/js/zelfscan-score.js");
const Csv = require("../../docs/assets/js/zelfscan-csv.js");

const model = makeModel({ dimensions: 2, statements: 3 });
// Statement texts a spreadsheet could mistake for a formula, or that need quoting.
model.dimensions[0].statements[1].text = "=Wij zeggen \"ja\"; altijd";
model.dimensions[1].statements[0].text = "Een uitspraak\nover twee regels";
const doc = { ...Score.emptyDocument(model), dimensions: answersFor(model, { 1: [2, null], 2: [5, undefined, 1] }) };

function values(read) {
  return read.doc.dimensions.map((d) => d.answers.map((a) => [a.index, a.value]));
}

test("the site's own CSV export reads back to the same answers", () => {
  const read = Csv.readExport(Score.toCsv(doc, model), model, "zelfscan.csv");
  assert.equal(read.error, undefined, read.error);
  assert.deepEqual(values(read), [[[0, 2], [1, null]], [[0, 5], [2, 1]]]);
  assert.deepEqual(read.notes, []);
});

test("a CSV saved again by a spreadsheet with commas instead of semicolons reads too", () => {
  const table = Csv.rows(Score.toCsv(doc, model).replace(/^\ufeff/, ""), ";");
  const withCommas = table.map((row) => row.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
  assert.deepEqual(values(Csv.readExport(withCommas, model, "zelfscan.csv")), [[[0, 2], [1, null]], [[0, 5], [2, 1]]]);
});

test("cells may hold quotes, separators and line breaks", () => {
  assert.deepEqual(Csv.rows('a;"b;""c""\nd";e\r\nf;g\n\n', ";"), [["a", 'b;"c"\nd', "e"], ["f", "g"]]);
});

test("the respondent id and content version columns are read", () => {
  const csv = "Uitspraak;Score;Antwoord;Respondent;Versie\nUitspraak 1.1;4;Vaak;K7Q2M9XA;2026.1\n";
  const read = Csv.readExport(csv, model, "lid.csv");
  assert.equal(read.doc.respondent, "K7Q2M9XA");
  assert.match(read.notes[0], /versie 2026\.1 van de zelfscan; deze pagina is versie 2026\.2/);
});

test("an answer to a statement rewritten since is left out and named", () => {
  const rewritten = structuredClone(model);
  rewritten.dimensions[0].statements[0].text = "Een nieuwe eerste uitspraak";
  const read = Csv.readExport(Score.toCsv(doc, model), rewritten, "zelfscan.csv");
  assert.ok(read.notes.some((n) => /intussen is gewijzigd/.test(n)), read.notes.join(" | "));
  assert.deepEqual(values(read)[0], [[1, null]], "the answer to the rewritten 1.1 is left out");
});

test("another CSV, an empty export and a bad score get a Dutch message", () => {
  assert.match(Csv.readExport("naam,email\nSam,sam@example.org\n", model, "adressen.csv").error,
    /'adressen\.csv' is geen CSV-export van de zelfscan/);
  assert.match(Csv.readExport(Score.toCsv(Score.emptyDocument(model), model), model, "leeg.csv").error, /bevat geen antwoorden/);
  const read = Csv.readExport("Uitspraak;Score;Antwoord\nUitspraak 1.1;9;Heel vaak\nUitspraak 1.3;3;Regelmatig\n", model, "x.csv");
  assert.deepEqual(read.notes, ["1 onleesbare score(s) overgeslagen."]);
});

test("a survey tool's export chosen as a member's file points to the survey input", () => {
  const read = Csv.readExport(`id,d1[H${model.dimensions[0].statements[0].hash}],ROL\n1,3,LG\n`, model, "results.csv");
  assert.match(read.error, /geen CSV-export van de zelfscan.*Kies dan 'Enquête-export inlezen'/);
});
