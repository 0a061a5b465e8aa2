/*
 * A survey export in the team and the team split by ROL and TEAM (docs/assets/js/zelfscan-survey.js), with the
 * team's compact storage of it (docs/assets/js/zelfscan-team.js). Expected numbers are worked out in the comments.
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { makeModel } = require("./model");
const Team = require("../../docs/assets/js/zelfscan-team.js");
const Survey = require("../../docs/assets/js/zelfscan-survey.js");

const model = makeModel({ dimensions: 2, statements: 2 });
const [S11, S12] = model.dimensions[0].statements;
const [S21, S22] = model.dimensions[1].statements;

/** What SurveyImport gives for a person: [value of 1.1, 1.2, 2.1, 2.2] (undefined: no answer), ROL, TEAM. */
function person(values, ROL = null, TEAM = null) {
  const answers = (statements, from) => statements.flatMap((s, i) =>
    values[from + i] === undefined ? [] : [{ index: s.index, hash: s.hash, value: values[from + i] }]);
  return { dimensions: [{ id: "dim-1", answers: answers([S11, S12], 0) }, { id: "dim-2", answers: answers([S21, S22], 2) }],
           ROL, TEAM };
}

function imported(people) {
  return { respondents: people, report: {} };
}

function teamWith(surveys) {
  return { ...Team.empty(model), surveys };
}

test("a survey export is kept as one short line per person and counts like any other respondent", () => {
  const entry = Survey.fromImport(imported([person([4, null, undefined, 2], "MW", "Zorg"), person([1, 2, 3, 5])]), model, "results.csv");
  assert.deepEqual(entry.statements, [S11.hash, S12.hash, S21.hash, S22.hash]);
  assert.deepEqual(entry.rows, [["MW", "Zorg", "4?-2"], ["", "", "1235"]]);
  assert.match(entry.id, /^s-[0-9a-f]{8}$/);
  const members = Team.members(teamWith([entry]), model);
  assert.equal(members.length, 2);
  assert.equal(members[0].source, "survey");
  assert.deepEqual(members[0].groups, { ROL: "MW", TEAM: "Zorg" });
  assert.deepEqual(members[0].dimensions[0].answers, [{ index: 0, hash: S11.hash, value: 4 }, { index: 1, hash: S12.hash, value: null }]);
  assert.deepEqual(members[0].dimensions[1].answers, [{ index: 1, hash: S22.hash, value: 2 }]);
  // Dimension 1: person 1 scores 4 ("weet ik niet" does not count), person 2 (1 + 2) / 2 = 1.5: mean 2.75.
  assert.equal(Team.summary(members, model).dimensions[0].mean, 2.75);
});

test("the team file and the stored team keep a survey, and 10,000 people stay small", () => {
  const people = Array.from({ length: 10000 }, (_, i) => person([1 + (i % 5), null, 3, 4], ["LG", "MW", "HR"][i % 3], `Team ${i % 40}`));
  const entry = Survey.fromImport(imported(people), model, "groot.csv");
  const text = JSON.stringify(Team.toFile(teamWith([entry]), model));
  assert.ok(text.length < 400000, `${text.length} characters for 10,000 people`);
  const read = Team.parseFile(JSON.parse(text), model);
  assert.deepEqual(read.notes, []);
  assert.deepEqual(read.team.surveys, [entry]);
  assert.equal(Team.members(read.team, model).length, 10000);
});

test("a damaged survey row is left out and named; a statement changed since is left out and named", () => {
  const entry = Survey.fromImport(imported([person([1, 2, 3, 4], "LG"), person([5, 5, 5, 5], "MW")]), model, "x.csv");
  const raw = JSON.parse(JSON.stringify(Team.toFile(teamWith([entry]), model)));
  raw.surveys[0].rows.push(["BAAS", "", "1111"], ["MW", "", "12"], ["MW", "", "9999"], "1111");
  raw.surveys.push({ id: "__proto__", rows: [], statements: [] });
  const read = Team.parseFile(raw, model);
  assert.equal(read.team.surveys[0].rows.length, 2);
  assert.ok(read.notes.includes("4 onleesbare rij(en) uit de enquête 'x.csv' overgeslagen."), read.notes.join(" | "));
  assert.ok(read.notes.includes("1 onleesbare deelnemer(s) overgeslagen."), read.notes.join(" | "));
  const newer = makeModel({ dimensions: 2, statements: 2, version: "2027.1" });
  newer.dimensions[0].statements[0].hash = "0123456789ab";
  const later = Team.parseFile(JSON.parse(JSON.stringify(Team.toFile(teamWith([entry]), model))), newer);
  assert.ok(later.notes.some((n) => /1 uitspraak\/uitspraken uit de enquête 'x.csv' staan niet meer/.test(n)), later.notes.join(" | "));
  const members = Team.members(later.team, newer);
  assert.deepEqual(members[0].dimensions[0].answers.map((a) => a.value), [2], "the answer to the changed 1.1 is gone");
});

test("the same export read twice, or a later export with more people, replaces the earlier one", () => {
  const first = Survey.fromImport(imported([person([1, 1, 1, 1]), person([2, 2, 2, 2]), person([2, 2, 2, 2])]), model, "results.csv");
  let added = Survey.add([], first);
  assert.equal(added.surveys.length, 1);
  added = Survey.add(added.surveys, first);
  assert.deepEqual([added.surveys.length, added.replaced.length], [1, 1]);
  const later = Survey.fromImport(imported([person([1, 1, 1, 1]), person([2, 2, 2, 2]), person([2, 2, 2, 2]), person([5, 5, 5, 5])]),
                                  model, "results (1).csv");
  added = Survey.add(added.surveys, later);
  assert.deepEqual(added.surveys.map((s) => s.label), ["results (1).csv"]);
  assert.deepEqual(added.replaced.map((s) => s.label), ["results.csv"]);
  // Another team's export shares one answer pattern but not all: both count.
  const other = Survey.fromImport(imported([person([1, 1, 1, 1]), person([3, 3, 3, 3])]), model, "andere-afdeling.csv");
  added = Survey.add(added.surveys, other);
  assert.deepEqual(added.surveys.map((s) => s.label), ["results (1).csv", "andere-afdeling.csv"]);
  assert.deepEqual(added.replaced, []);
  // Two people with the same answers in the earlier file, one in the new: the new one does not hold both.
  const one = Survey.fromImport(imported([person([2, 2, 2, 2])]), model, "een.csv");
  assert.deepEqual(Survey.add([first], one).replaced, []);
});

test("two tabs that each read a different survey export keep both", () => {
  const a = Survey.fromImport(imported([person([1, 1, 1, 1])]), model, "a.csv");
  const b = Survey.fromImport(imported([person([2, 2, 2, 2])]), model, "b.csv");
  const merged = Team.mergeTabs(Team.empty(model), teamWith([a]), teamWith([b]), model);
  assert.deepEqual(merged.surveys.map((s) => s.label).sort(), ["a.csv", "b.csv"]);
});

function people(counts) {
  const out = [];
  for (const [ROL, TEAM, n] of counts) for (let i = 0; i < n; i++) out.push({ ...person([3, 3, 3, 3], ROL, TEAM), source: "survey" });
  return Team.members(teamWith([Survey.fromImport(imported(out), model, "f.csv")]), model);
}

test("a group under the minimum is not shown apart, nor one that would give it away", () => {
  // Teams: Noord 7, Zuid 5, West 2. West is under 5; alone hidden it would follow from the total minus Noord and
  // Zuid, so the smallest shown group (Zuid) is hidden too; together they are 7.
  const split = Survey.split(people([["MW", "Noord", 7], ["MW", "Zuid", 5], ["MW", "West", 2]]), "TEAM", 5);
  assert.deepEqual(split.shown.map((g) => [g.name, g.respondents.length]), [["Noord", 7]]);
  assert.deepEqual(split.hidden.map((g) => [g.name, g.count, g.why]), [["West", 2, "small"], ["Zuid", 5, "derivable"]]);
  // Two small groups of 3 together make 6: nothing else need go.
  const two = Survey.split(people([["MW", "A", 3], ["MW", "B", 3], ["MW", "C", 6], ["MW", "D", 5]]), "TEAM", 5);
  assert.deepEqual(two.shown.map((g) => g.name), ["C", "D"]);
  assert.deepEqual(two.hidden.map((g) => g.why), ["small", "small"]);
  // A typed team name counts as one team whatever its capitals, named as most people wrote it.
  const typed = Survey.split(people([["MW", "Zorg", 3], ["MW", "zorg", 2], ["MW", "ZORG", 1], ["MW", "ICT", 6]]), "TEAM", 5);
  assert.deepEqual(typed.shown.map((g) => [g.name, g.respondents.length]), [["ICT", 6], ["Zorg", 6]]);
  // The minimum can be changed: with 2 every team shows.
  assert.equal(Survey.split(people([["MW", "Noord", 7], ["MW", "Zuid", 5], ["MW", "West", 2]]), "TEAM", 2).shown.length, 3);
  // Roles in a fixed order with their Dutch names; people without an answer are their own group.
  const roles = Survey.split(people([["MW", "", 5], ["LG", "", 6], ["", "", 5], ["HR", "", 5]]), "ROL", 5);
  assert.deepEqual(roles.shown.map((g) => g.name), ["Leidinggevenden", "HR", "Medewerkers", "Geen rol opgegeven"]);
});

test("leaders next to employees: per dimension and the statements where they differ most", () => {
  const out = [];
  // Leaders (5): 1.1 = 5, 1.2 = 4, 2.1 = 4, 2.2 = 3. Employees (5): 1.1 = 2, 1.2 = 4, 2.1 = 3, 2.2 = 3.
  for (let i = 0; i < 5; i++) out.push(person([5, 4, 4, 3], "LG"), person([2, 4, 3, 3], "MW"));
  for (let i = 0; i < 5; i++) out.push(person([1, 1, 1, 1], "HR"));
  const members = Team.members(teamWith([Survey.fromImport(imported(out), model, "f.csv")]), model);
  const compared = Survey.roles(Survey.split(members, "ROL", 5), model, 3);
  assert.equal(compared.hasHR, true);
  assert.deepEqual(compared.dimensions.map((d) => d.HR), [1, 1]);
  // Dimension 1: leaders (5 + 4) / 2 = 4.5, employees (2 + 4) / 2 = 3, difference -1.5; dimension 2: 3.5, 3, -0.5.
  assert.deepEqual(compared.dimensions.map((d) => [d.number, d.LG, d.MW, d.difference]), [[1, 4.5, 3, -1.5], [2, 3.5, 3, -0.5]]);
  // Statements: 1.1 differs by 3, 2.1 by 1; 1.2 and 2.2 not at all.
  assert.deepEqual(compared.starters.map((s) => [s.number, s.index, s.difference]), [[1, 0, -3], [2, 0, -1]]);
  // With too few employees the comparison is not made at all; nor when one HR person would follow from the rest.
  assert.equal(Survey.roles(Survey.split(members, "ROL", 6), model, 3), null);
  const oneHR = members.slice(0, 11);
  assert.deepEqual(Survey.split(oneHR, "ROL", 5).hidden.map((g) => [g.value, g.why]), [["HR", "small"], ["LG", "derivable"]]);
  assert.equal(Survey.roles(Survey.split(oneHR, "ROL", 5), model, 3), null);
});
