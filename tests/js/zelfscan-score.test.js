// ZelfscanScore (docs/assets/js/zelfscan-score.js): reading files, merging two tabs. The arithmetic is also
// tested in Chromium (tests/test_zelfscan_score.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Score = require("../../docs/assets/js/zelfscan-score.js");

const MODEL = {
  version: "2026.2",
  scale: [1, 2, 3, 4, 5].map((value) => ({ value: value, label: "L" + value })),
  dimensions: [
    { id: "a", number: 1, title: "Alfa", statements: [{ index: 0, hash: "a0", text: "E" }, { index: 1, hash: "a1", text: "T" }] },
    { id: "b", number: 2, title: "Beta", statements: [{ index: 0, hash: "b0", text: "D" }] },
  ],
};

/** A document with answers given as {"a:0": value}. */
function doc(answers, extra) {
  const d = Score.emptyDocument(MODEL);
  Object.keys(answers || {}).forEach((key) => {
    const [id, index] = key.split(":");
    d.dimensions.find((dim) => dim.id === id).answers.push({ index: Number(index), hash: id + index, value: answers[key] });
  });
  d.dimensions.forEach((dim) => dim.answers.sort((x, y) => x.index - y.index));
  return Object.assign(d, extra);
}

test("exports carry the format id lerende-organisatie/zelfscan; the old id still reads", () => {
  assert.equal(Score.emptyDocument(MODEL).format, "lerende-organisatie/zelfscan");
  const old = Object.assign(doc({ "a:0": 3 }), { format: "lerende-organisatie-zelfscan" });
  assert.deepEqual(Score.parseDocument(old, MODEL).doc.dimensions[0].answers, [{ index: 0, hash: "a0", value: 3 }]);
});

test("file problems name the file", () => {
  assert.equal(Score.parseDocument({}, MODEL, "'x.json'").error, "'x.json' is geen exportbestand van de zelfscan.");
  assert.equal(Score.parseDocument(Object.assign(doc(), { dimensions: 1 }), MODEL).error,
    "Dit bestand is beschadigd: de antwoorden ontbreken.");
  assert.equal(Score.parseDocument(Object.assign(doc(), { formatVersion: 9 }), MODEL).problem, "newer");
});

test("ids that name built-in properties are skipped with a note and change nothing built in", () => {
  const raw = doc({ "a:0": 4 });
  raw.dimensions.push({ id: "__proto__", answers: [], good: "vervuild", better: "" });
  raw.dimensions.push({ id: "constructor", answers: [{ index: 0, hash: "x", value: 1 }], good: "", better: "" });
  raw.dimensions.push({ id: "a", answers: [{ index: 1, hash: "a1", value: 1 }], good: "tweede keer", better: "" });
  raw.priorities = ["__proto__", "constructor", "a", "a"];
  const parsed = Score.parseDocument(JSON.parse(JSON.stringify(raw)), MODEL);
  assert.deepEqual(parsed.doc.dimensions[0].answers, [{ index: 0, hash: "a0", value: 4 }]);  // first "a" only
  assert.deepEqual(parsed.doc.priorities, ["a"]);
  assert.match(parsed.notes.join(" "), /2 onderdeel\/onderdelen met een ongeldige naam \("__proto__", "constructor"\)/);
  assert.equal({}.good, undefined);
});

test("hasContent: answers, notes, priorities or plan count; a header alone does not", () => {
  assert.equal(Score.hasContent(doc({}, { team: "Team Zuid", name: "Sam" })), false);
  assert.equal(Score.hasContent(doc({ "b:0": null })), true);  // "weet ik niet" is an answer
  assert.equal(Score.hasContent(doc({}, { priorities: ["a"] })), true);
  assert.equal(Score.hasContent(doc({}, { plan: [{ what: "x", who: "", when: "", progress: "" }] })), true);
  assert.equal(Score.answered(doc({ "a:0": 1, "a:1": null, "b:0": 2 })), 3);
});

test("fields and back give the same document", () => {
  const d = doc({ "a:0": 2, "b:0": null }, { team: "T", priorities: ["b"], plan: [{ what: "w", who: "", when: "", progress: "" }] });
  d.dimensions[1].better = "Beter";
  const back = Score.merge(d, d, d, MODEL);
  assert.ok(Score.sameContent(back, d));
  assert.deepEqual(back.dimensions, d.dimensions);
});

test("two tabs: each tab's own changes survive, whichever saves last", () => {
  const base = doc({ "a:0": 1 }, { team: "Oud" });
  const mine = doc({ "a:0": 1, "a:1": 5 }, { team: "Oud", priorities: ["a"] });
  const theirs = doc({ "a:0": 3, "b:0": 2 }, { team: "Nieuw" });
  theirs.dimensions[0].good = "Van het andere tabblad";
  const merged = Score.merge(base, mine, theirs, MODEL);
  assert.deepEqual(merged.dimensions[0].answers.map((a) => a.value), [3, 5]);
  assert.deepEqual(merged.dimensions[1].answers.map((a) => a.value), [2]);
  assert.equal(merged.team, "Nieuw");
  assert.equal(merged.dimensions[0].good, "Van het andere tabblad");
  assert.deepEqual(merged.priorities, ["a"]);
});

test("a tab that never loaded what is stored (base null) adds its answers without removing stored ones", () => {
  const merged = Score.merge(null, doc({ "b:0": 4 }), doc({ "a:0": 2, "a:1": 3 }), MODEL);
  assert.deepEqual(merged.dimensions.map((d) => d.answers.map((a) => a.value)), [[2, 3], [4]]);
});

test("what this tab emptied stays empty; what the other tab cleared stays cleared", () => {
  const base = doc({ "a:0": 1 });
  base.dimensions[0].good = "Weg ermee";
  const mine = doc({ "a:0": 1 });
  assert.equal(Score.merge(base, mine, base, MODEL).dimensions[0].good, "");
  assert.equal(Score.hasContent(Score.merge(base, base, null, MODEL)), false);
});

test("sameContent ignores when a document was saved", () => {
  assert.ok(Score.sameContent(doc({ "a:0": 1 }, { savedAt: "x" }), doc({ "a:0": 1 }, { savedAt: "y" })));
  assert.ok(!Score.sameContent(doc({ "a:0": 1 }), doc({ "a:0": 2 })));
});
