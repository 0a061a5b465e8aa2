/*
 * The team self-check's logic (docs/assets/js/zelfscan-team.js): who is who, paper forms, the team result,
 * an earlier round, groups and the team file. Every expected number is worked out by hand in the comments.
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { makeModel, answersFor } = require("./model");
const Score = require("../../docs/assets/js/zelfscan-score.js");
const Team = require("../../docs/assets/js/zelfscan-team.js");

const model = makeModel({ dimensions: 3, statements: 3 });

function member(id, values, notes = {}, extra = {}) {
  const dimensions = answersFor(model, values);
  for (const [number, [good, better]] of Object.entries(notes)) {
    Object.assign(dimensions[number - 1], { good, better });
  }
  return Team.respondent({ id, source: "file", label: `${id}.json`, dimensions, ...extra });
}

// Averages per dimension (1-5 scale; low below 2.5, middle 2.5 to 3.5, high above 3.5):
//   A: dim 1 (1 + 2) / 2 = 1.5 low (third "weet ik niet");  dim 2 5 high;              dim 3 not filled in
//   B: dim 1 3 middle;                                       dim 2 only "weet ik niet";  dim 3 4 high
//   C: dim 1 (5 + 4) / 2 = 4.5 high;                        dim 2 (2 + 3) / 2 = 2.5 middle; dim 3 2 low
//   D: dim 1 (2 + 3) / 2 = 2.5 middle;                      dim 2 (4 + 3) / 2 = 3.5 middle; dim 3 only "weet ik niet"
const A = member("AAAAAAAA", { 1: [1, 2, null], 2: [5, 5] }, { 1: ["Zo gaat het goed", ""] });
const B = member("BBBBBBBB", { 1: [3, 3, 3], 2: [null, null], 3: [4] }, { 1: ["", "  Meer tijd  "] });
const C = member("CCCCCCCC", { 1: [5, 4], 2: [2, 3], 3: [2] }, { 1: ["aan het begin", "Minder haast"] });
const D = member("DDDDDDDD", { 1: [2, 3], 2: [4, 3], 3: [null] });
const TEAM = [A, B, C, D];

function close(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);
}

test("five members whose files share one name count as five people; the same file twice as one", () => {
  const five = ["11111111", "22222222", "33333333", "44444444", "55555555"].map((id) =>
    member(id, { 1: [3] }, {}, { label: "zelfscan-2026-12-01.json" }));
  let merged = Team.merge([], five);
  assert.equal(merged.respondents.length, 5);
  assert.equal(merged.added.length, 5);
  // The third member's file saved again as "zelfscan-2026-12-01 (1).json", with a changed answer.
  const again = member("33333333", { 1: [5] }, {}, { label: "zelfscan-2026-12-01 (1).json" });
  merged = Team.merge(merged.respondents, [again]);
  assert.equal(merged.respondents.length, 5);
  assert.deepEqual(merged.added, []);
  assert.equal(merged.replaced[0].previous.label, "zelfscan-2026-12-01.json");
  assert.equal(merged.respondents[2].dimensions[0].answers[0].value, 5, "the newer answers count");
});

test("an older file without respondent id is recognised by its content", () => {
  const doc = { savedAt: "2026-11-02T10:00:00.000Z", name: "", dimensions: answersFor(model, { 1: [4, 2] }) };
  const first = Team.fromDocument(doc, "file", "zelfscan (1).json");
  const copy = Team.fromDocument(JSON.parse(JSON.stringify(doc)), "file", "zelfscan (2).json");
  const other = Team.fromDocument({ ...doc, dimensions: answersFor(model, { 1: [4, 3] }) }, "file", "zelfscan.json");
  assert.match(first.id, /^c-[0-9a-f]{8}$/);
  assert.equal(copy.id, first.id);
  assert.notEqual(other.id, first.id);
  assert.equal(Team.fromDocument({ ...doc, respondent: "K7Q2M9XA" }, "file", "x.json").id, "K7Q2M9XA");
});

test("per dimension: low, middle, high and 'weet ik niet' counts next to mean, range and spread", () => {
  const result = Team.summary(TEAM, model);
  assert.equal(result.respondents, 4);
  assert.deepEqual(result.bands, { low: 2.5, high: 3.5 });
  const [one, two, three] = result.dimensions;
  // Dimension 1: averages 1.5, 3, 4.5, 2.5.
  assert.deepEqual([one.low, one.middle, one.high, one.dontKnow, one.members], [1, 2, 1, 0, 4]);
  close(one.mean, 11.5 / 4, "mean 1");
  assert.deepEqual([one.min, one.max], [1.5, 4.5]);
  // Deviations from 2.875: -1.375, 0.125, 1.625, -0.375; squares add up to 4.6875.
  close(one.spread, Math.sqrt(4.6875 / 4), "spread 1");
  // Dimension 2: averages 5, 2.5, 3.5 and B only "weet ik niet".
  assert.deepEqual([two.low, two.middle, two.high, two.dontKnow, two.members], [0, 2, 1, 1, 3]);
  close(two.mean, 11 / 3, "mean 2");
  // Dimension 3: averages 4 and 2, D only "weet ik niet", A nothing.
  assert.deepEqual([three.low, three.middle, three.high, three.dontKnow, three.members], [1, 0, 1, 1, 2]);
  assert.deepEqual([three.mean, three.spread], [3, 1]);
});

test("per statement: how many chose each score, 'weet ik niet', and the spread", () => {
  const [first, , third] = Team.summary(TEAM, model).dimensions[0].statements;
  // Statement 1.1: A 1, B 3, C 5, D 2.
  assert.deepEqual(first.counts, { 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 });
  assert.deepEqual([first.answered, first.dontKnow, first.min, first.max], [4, 0, 1, 5]);
  close(first.mean, 2.75, "mean 1.1");
  close(first.spread, Math.sqrt((1.75 ** 2 + 0.25 ** 2 + 2.25 ** 2 + 0.75 ** 2) / 4), "spread 1.1");
  // Statement 1.3: A "weet ik niet", B 3, C and D nothing.
  assert.deepEqual([third.answered, third.dontKnow, third.mean, third.spread], [1, 1, 3, 0]);
  assert.equal(third.text, "Uitspraak 1.3");
});

test("an answer to a rewritten statement does not count for the new statement", () => {
  const rewritten = makeModel({ dimensions: 3, statements: 3 });
  rewritten.dimensions[0].statements[0].hash = "0123456789ab";
  const first = Team.summary(TEAM, rewritten).dimensions[0].statements[0];
  assert.deepEqual([first.answered, first.dontKnow], [0, 0]);
});

test("notes come together per dimension, without names and in an order that says nothing of who wrote them", () => {
  const one = Team.summary(TEAM, model).dimensions[0];
  assert.deepEqual(one.good, ["aan het begin", "Zo gaat het goed"]);
  assert.deepEqual(one.better, ["Meer tijd", "Minder haast"]);
});

test("next steps start from the team: its two lowest and its two most disputed dimensions", () => {
  const result = Team.summary(TEAM, model);
  // Means: 2.875, 3.667, 3. Spreads: 1.083, 1.027 (averages 5, 2.5, 3.5), 1.
  assert.deepEqual(Team.lowest(result, 2).map((r) => r.number), [1, 3]);
  assert.deepEqual(Team.disputed(result, 2).map((r) => r.number), [1, 2]);
  assert.deepEqual(Team.nextSteps(result).map((s) => [s.row.number, s.low, s.disputed]),
    [[1, true, true], [3, true, false], [2, false, true]]);
  // The statements that divide most: 1.1 (1, 3, 5, 2: spread 1.48), then 2.1 (5, 2, 4: spread 1.25).
  assert.deepEqual(Team.dividing(result, 2).map((s) => `${s.number}.${s.index + 1}`), ["1.1", "2.1"]);
});

test("one member alone has no disputed dimension", () => {
  assert.deepEqual(Team.disputed(Team.summary([A], model), 2), []);
});

test("paper forms: digits are scores, 0 or ? is 'weet ik niet', - leaves a statement open", () => {
  const dim = model.dimensions[0];
  assert.deepEqual(Team.readPaper("4?2", dim, model).answers.map((a) => [a.index, a.value]), [[0, 4], [1, null], [2, 2]]);
  assert.deepEqual(Team.readPaper("-0", dim, model).answers.map((a) => [a.index, a.value]), [[1, null]]);
  assert.deepEqual(Team.readPaper("", dim, model).answers, []);
  assert.equal(Team.readPaper("3x5", dim, model).answers[1].hash, dim.statements[1].hash);
  assert.match(Team.readPaper("36", dim, model).error, /'6' is geen score\. Typ 1 t\/m 5, 0 of \? voor weet ik niet/);
  assert.match(Team.readPaper("3451", dim, model).error, /4 tekens voor 3 uitspraken/);
  // What was typed comes back the same way (with 0 for "weet ik niet"), so a row can be corrected.
  for (const typed of ["4?2", "-0", "", "5-3"]) {
    assert.equal(Team.paperText(Team.readPaper(typed, dim, model).answers, dim), typed.replace("?", "0"));
  }
});

test("an earlier round against now: mean and spread then and now, and the change", () => {
  const then = Team.summary([A, B], model);
  const now = Team.summary(TEAM, model);
  const [one, , three] = Team.compare(then, now);
  // Dimension 1 then: averages 1.5 and 3, mean 2.25, spread 0.75; now 2.875.
  assert.deepEqual([one.before.mean, one.before.spread], [2.25, 0.75]);
  close(one.change, 2.875 - 2.25, "change 1");
  // Dimension 3 then: only B (4), spread 0; now 3.
  assert.deepEqual([three.before.mean, three.before.spread, three.change], [4, 0, -1]);
  // A dimension that did not exist in the earlier round has no change.
  const bigger = makeModel({ dimensions: 4, statements: 3 });
  const rows = Team.compare(then, Team.summary(TEAM, bigger));
  assert.deepEqual([rows[3].before, rows[3].change], [null, null]);
});

test("groups (e.g. ROL from a survey export) are summarised with the same arithmetic", () => {
  const withRole = (r, ROL) => ({ ...r, source: "survey", groups: { ROL } });
  const byRole = Team.groups([withRole(A, "medewerker"), withRole(B, "leidinggevende"), withRole(C, "medewerker"), D], "ROL");
  assert.deepEqual(byRole.map((g) => [g.value, g.respondents.length]), [["", 1], ["leidinggevende", 1], ["medewerker", 2]]);
  close(Team.summary(byRole[2].respondents, model).dimensions[0].mean, 3, "mean of A and C on dimension 1");
});

test("the team file keeps respondents and plan, and reads back the same", () => {
  const team = { ...Team.empty(model), name: "Team Noord", respondents: TEAM,
                 plan: [{ what: "Elke maand een leeruur", owner: "Sam", date: "2027-03-01", signal: "Iedereen deelt één les" }] };
  const file = JSON.parse(JSON.stringify(Team.toFile(team, model, "2026-12-02T09:00:00.000Z")));
  assert.deepEqual([file.format, file.formatVersion, file.contentVersion], ["lerende-organisatie/zelfscan-team", 2, "2026.2"]);
  const read = Team.parseFile(file, model);
  assert.deepEqual(read.notes, []);
  assert.equal(read.team.name, "Team Noord");
  assert.equal(read.team.savedAt, "2026-12-02T09:00:00.000Z");
  assert.deepEqual(read.team.plan, team.plan);
  assert.deepEqual(JSON.parse(JSON.stringify(read.team.respondents)), JSON.parse(JSON.stringify(TEAM)));
});

test("a team file from an earlier content version keeps what still fits and says what not", () => {
  const file = JSON.parse(JSON.stringify(Team.toFile({ ...Team.empty(model), respondents: TEAM }, model)));
  const newer = makeModel({ dimensions: 3, statements: 3, version: "2027.1" });
  newer.dimensions[0].statements[0].hash = "0123456789ab";
  const read = Team.parseFile(file, newer);
  assert.equal(read.team.respondents.length, 4);
  assert.ok(read.notes.some((n) => /versie 2026\.2/.test(n)), read.notes.join(" | "));
  assert.ok(read.notes.some((n) => /intussen is gewijzigd/.test(n)), read.notes.join(" | "));
  assert.equal(read.team.respondents[0].dimensions[0].answers.length, 2, "A's answer to 1.1 is left out");
});

test("a broken or wrong team file gets a Dutch message", () => {
  assert.match(Team.parseFile(null, model).error, /geen teambestand/);
  assert.match(Team.parseFile([], model).error, /geen teambestand/);
  assert.match(Team.parseFile({ format: Score.FORMAT, formatVersion: 1 }, model).error, /exportbestand van één persoon/);
  assert.match(Team.parseFile({ format: Team.FORMAT, formatVersion: 3, respondents: [] }, model).error, /nieuwere versie/);
  assert.match(Team.parseFile({ format: Team.FORMAT, formatVersion: 1 }, model).error, /deelnemers ontbreken/);
  const odd = Team.parseFile({ format: Team.FORMAT, formatVersion: 1, respondents: [{ id: "X", source: "fax" }, 7, A] }, model);
  assert.equal(odd.team.respondents.length, 1);
  assert.deepEqual(odd.notes.slice(-1), ["2 onleesbare deelnemer(s) overgeslagen."]);
});

test("respondent ids: 8 base32 characters, random, and only those are taken from a file", () => {
  const ids = new Set(Array.from({ length: 200 }, () => Score.newRespondentId()));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.ok(Score.isRespondentId(id), id);
  for (const wrong of ["K7Q2M9X", "K7Q2M9XU", "k7q2m9xa", 12345678, null]) assert.equal(Score.isRespondentId(wrong), false, wrong);
  const doc = { ...Score.emptyDocument(model), respondent: "K7Q2M9XA" };
  assert.equal(Score.parseDocument(doc, model).doc.respondent, "K7Q2M9XA");
  assert.equal(Score.parseDocument({ ...doc, respondent: "<script>" }, model).doc.respondent, "");
});

test("two tabs: what each changed is kept, the rest taken from what is stored", () => {
  const base = { ...Team.empty(model), name: "Team", respondents: [A, B] };
  const mine = { ...base, respondents: [A, B, C], plan: [{ what: "Leeruur", owner: "", date: "", signal: "" }] };
  const theirs = { ...base, name: "Team Noord", respondents: [A, D] };  // the other tab removed B and added D
  const merged = Team.mergeTabs(base, mine, theirs, model);
  assert.deepEqual(merged.respondents.map((r) => r.id), ["AAAAAAAA", "CCCCCCCC", "DDDDDDDD"]);
  assert.equal(merged.name, "Team Noord");
  assert.deepEqual(merged.plan, mine.plan);
  assert.deepEqual(Team.mergeTabs(null, mine, null, model).respondents.length, 3);
});
