#!/usr/bin/env node
// How long the self-check page takes to read a survey export of 100, 1,000 and 10,000 respondents and work out
// what the team view shows (docs/assets/js/survey-import.js reads; zelfscan-survey.js and zelfscan-team.js make
// the team result, the results per ROL and TEAM and leaders next to employees), and whether that grows linearly.
// Drawing the tables is left out: they have a row per dimension or group, not per respondent. Node runs the same engine as Chromium (V8). The questionnaire has the real site's shape (8 dimensions
// of 5 statements, a 5-point scale, ROL and TEAM); the files are a LimeSurvey export (codes) and a Google Forms
// export (full texts and labels, the slower kind to match). Measured is CPU time (user + system), the median of
// 5 reads, so other work on a shared machine does not count. Writes build/benchmark-survey-import.md.
//   node scripts/benchmark_survey_import.js       (or: make benchmark-import)
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const JS = path.join(__dirname, "..", "docs", "assets", "js");
const SurveyImport = require(path.join(JS, "survey-import.js"));
const Team = require(path.join(JS, "zelfscan-team.js"));
const Survey = require(path.join(JS, "zelfscan-survey.js"));

const SIZES = [100, 1000, 10000];
const RUNS = 5;
const LABELS = ["Nauwelijks", "Soms", "Regelmatig", "Vaak", "Vanzelfsprekend"];
const WORDS = "team leren visie feedback collega leidinggevende overleg klant partner project ervaring".split(" ");

function hash(text) {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}

function makeModel() {
  let seed = 1;
  const word = () => WORDS[(seed = (seed * 48271) % 2147483647) % WORDS.length];
  const dimensions = [];
  for (let d = 1; d <= 8; d++) {
    const statements = [];
    for (let i = 0; i < 5; i++) {
      const text = `In ons team ${Array.from({ length: 12 }, word).join(" ")} (${d}.${i + 1}).`;
      statements.push({ index: i, hash: hash(text), text });
    }
    dimensions.push({ id: `dimensie-${d}`, number: d, title: `Dimensie ${d}`, statements });
  }
  return { version: "2026.1", scale: LABELS.map((label, i) => ({ value: i + 1, label })), dimensions };
}

function quote(cell) {
  return /[",\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}

function makeFile(model, count, kind) {
  const statements = model.dimensions.flatMap((dim) => dim.statements.map((s) => ({ dim, s })));
  const header = kind === "limesurvey"
    ? ["id", "submitdate", ...statements.map(({ dim, s }) => `dimensie${dim.number}[H${s.hash}]`), "ROL", "TEAM"]
    : ["Tijdstempel", ...statements.map(({ dim, s }) => `${dim.number}. ${dim.title} [${s.text}]`),
       "Wat is je rol in de organisatie?", "In welk team of op welke afdeling werk je?"];
  const lines = [header.map(quote).join(",")];
  for (let r = 0; r < count; r++) {
    const answers = statements.map((_, k) => {
      const pick = (r * 7 + k * 3) % 7;  // 1..5, "weet ik niet" or no answer
      if (pick === 6) return "";
      if (kind === "limesurvey") return pick === 5 ? "WN" : String(pick + 1);
      return pick === 5 ? "Weet ik niet" : LABELS[pick];
    });
    const role = kind === "limesurvey" ? ["LG", "MW", "HR"][r % 3] : ["Leidinggevende", "Medewerker", "HR"][r % 3];
    lines.push([String(r + 1), "2026-12-01 10:00:00", ...answers, role, `Team ${r % 40}`].map(quote).join(","));
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

/** What the team view works out after reading: the team result, per role and per team, leaders next to employees. */
function teamView(read, model, label) {
  const team = { ...Team.empty(model), surveys: [Survey.fromImport(read, model, label)] };
  const people = Team.members(team, model);
  Team.summary(people, model);
  const byRole = Survey.split(people, "ROL", 5);
  for (const split of [byRole, Survey.split(people, "TEAM", 5)]) split.shown.forEach((g) => Survey.summaryOf(g, model));
  Survey.roles(byRole, model, 5);
  return people.length;
}

function cpuMilliseconds(work) {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function size(bytes) {
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1).replace(".", ",")} MB`;
}

function ms(value) {
  return `${Math.round(value).toLocaleString("nl-NL")} ms`;
}

function main() {
  const model = makeModel();
  const rows = [];
  for (const kind of ["limesurvey", "forms"]) {
    for (const count of SIZES) {
      const file = makeFile(model, count, kind);
      teamView(SurveyImport.read(file, model), model, "warm-up");  // warm up the engine, as a page that has run before
      const reading = [], showing = [];
      for (let i = 0; i < RUNS; i++) {
        const { ms, result } = cpuMilliseconds(() => SurveyImport.read(file, model));
        if (result.error || result.respondents.length !== count) throw new Error(result.error || "wrong count");
        reading.push(ms);
        // A new file name each run: the team keeps a survey's people by its id, and would not work them out again.
        const shown = cpuMilliseconds(() => teamView(result, model, `${kind}-${count}-${i}.csv`));
        if (shown.result !== count) throw new Error("wrong count in the team view");
        showing.push(shown.ms);
      }
      const both = reading.map((ms, i) => ms + showing[i]);
      rows.push({ kind, count, bytes: file.length, read: median(reading), show: median(showing), ms: median(both) });
    }
  }
  const name = { limesurvey: "LimeSurvey", forms: "Google Forms" };
  const lines = [
    "| Bestand | Aantal | Grootte | Inlezen | Tonen | Samen | Per 1.000 |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${name[r.kind]} | ${r.count.toLocaleString("nl-NL")} | ${size(r.bytes)} | ` +
      `${ms(r.read)} | ${ms(r.show)} | ${ms(r.ms)} | ${(r.ms / r.count * 1000).toFixed(0)} ms |`)
  ];
  // Linear growth: a respondent in a file of 10,000 costs no more than one in a file of 1,000.
  const growth = ["limesurvey", "forms"].map((kind) => {
    const [, middle, large] = rows.filter((r) => r.kind === kind);
    const ratio = (large.ms / large.count) / (middle.ms / middle.count);
    return `${name[kind]}: een respondent kost bij 10.000 ${ratio.toFixed(2).replace(".", ",")} keer zoveel als bij ` +
      `1.000 (${ratio <= 1.2 ? "lineair" : "groeit sneller dan lineair"})`;
  });
  const report = lines.join("\n") + "\n\n" + growth.join(";\n") + ".\n";
  fs.mkdirSync(path.join(__dirname, "..", "build"), { recursive: true });
  fs.writeFileSync(path.join(__dirname, "..", "build", "benchmark-survey-import.md"), report);
  process.stdout.write(report);
}

main();
