// FeedbackLog (docs/assets/js/feedback-log.js): the notes and their file format.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Log = require("../../docs/assets/js/feedback-log.js");

function note(id, who, extra) {
  return Object.assign({ id: id, date: "2026-03-01", who: who, question: "", learned: "", did: "" }, extra);
}

function file(entries) {
  return { format: "lerende-organisatie/feedback-logboek", formatVersion: 1, contentVersion: "2026.1", entries: entries };
}

test("an export is read back note for note", () => {
  const entries = [note("a", "Sam"), note("b", "Noor", { learned: "Korter." })];
  assert.deepEqual(Log.parse(Log.envelope(entries, "2026.1"), "'x.json'"), { entries: entries, unsafe: 0 });
});

test("foreign, newer and damaged files give one Dutch message and no notes", () => {
  assert.equal(Log.parse({ format: "iets" }, "'x.json'").error, "'x.json' is geen feedbacklogboek van deze site.");
  const newer = Log.parse(Object.assign(file([]), { formatVersion: 2 }), "'x.json'");
  assert.equal(newer.problem, "newer");
  assert.match(newer.error, /^'x.json' heeft formaatversie 2; deze pagina kent alleen versie 1\./);
  assert.equal(Log.parse(Object.assign(file([]), { entries: "x" }), "'x.json'").problem, "damaged");
  const broken = Log.parse(file([note("a", "Sam"), { id: "b", who: "Noor" }]), "'x.json'");
  assert.equal(broken.error, "Notitie 2 in 'x.json' is onvolledig of beschadigd; er is niets ingelezen.");
  assert.equal(Log.parse(file([note("a", "  ")]), "'x.json'").problem, "damaged");  // nobody asked
  assert.equal(Log.parse(file([note("a", "Sam", { date: "1-3-2026" })]), "'x.json'").problem, "damaged");
});

test("notes whose id names a built-in property are skipped and counted", () => {
  const parsed = Log.parse(file([note("__proto__", "A"), note("constructor", "B"), note("ok", "C")]), "'x.json'");
  assert.deepEqual(parsed.entries.map((e) => e.who), ["C"]);
  assert.equal(parsed.unsafe, 2);
  assert.equal({}.who, undefined);
});

test("one id twice: an exact repeat is dropped, another note gets its own id, the same one every time", () => {
  const list = [note("x", "Sam"), note("x", "Sam"), note("x", "Noor"), note("x-2", "Kim"), note("x", "Lina")];
  const unique = Log.uniqueIds(list);
  assert.deepEqual(unique.map((e) => [e.id, e.who]), [["x", "Sam"], ["x-2", "Noor"], ["x-2-2", "Kim"], ["x-3", "Lina"]]);
  assert.deepEqual(Log.uniqueIds(list), unique);
  assert.deepEqual(Log.uniqueIds(unique), unique);
});

test("an edit and a delete hit one note only", () => {
  const list = Log.uniqueIds([note("x", "Sam"), note("x", "Noor")]);
  const edited = Log.replace(list, Object.assign({}, list[1], { learned: "Nieuw." }));
  assert.deepEqual(edited.map((e) => e.learned), ["", "Nieuw."]);
  assert.deepEqual(Log.remove(edited, list[0].id).map((e) => e.who), ["Noor"]);
});

test("an edit of a note another tab deleted puts it back", () => {
  assert.deepEqual(Log.replace([note("a", "Sam")], note("b", "Noor")).map((e) => e.id), ["a", "b"]);
});

test("two tabs: a note the other tab never read is kept, what either tab changed or removed stays so", () => {
  const sam = note("a", "Sam"), noor = note("b", "Noor"), kim = note("c", "Kim");
  // This tab added Noor; the other tab, which had not read Noor yet, stored Kim over it.
  assert.deepEqual(Log.mergeTabs([sam], [sam, noor], [sam, kim]), [sam, kim, noor]);
  // The other tab removed Sam and changed Noor; this tab had not touched either.
  const changed = note("b", "Noor", { learned: "Korter." });
  assert.deepEqual(Log.mergeTabs([sam, noor], [sam, noor], [changed]), [changed]);
  // This tab removed Sam; the other tab's write still had him.
  assert.deepEqual(Log.mergeTabs([sam, noor], [noor], [sam, noor, kim]), [noor, kim]);
});

test("an import adds the notes the log does not have and counts the rest", () => {
  const result = Log.importInto([note("a", "Sam")], [note("a", "Sam (ouder)"), note("b", "Noor")]);
  assert.deepEqual(result.entries.map((e) => e.who), ["Sam", "Noor"]);
  assert.deepEqual([result.added, result.known], [1, 1]);
});

test("only the known fields of a note are kept", () => {
  const parsed = Log.parse(file([Object.assign(note("a", "Sam"), { extra: "<script>" })]), "'x.json'");
  assert.deepEqual(Object.keys(parsed.entries[0]), ["id", "date", "who", "question", "learned", "did"]);
});

test("newest first; notes of one day in the order they were added", () => {
  const list = [note("a", "A", { date: "2026-01-02" }), note("b", "B", { date: "2026-03-01" }), note("c", "C", { date: "2026-01-02" })];
  assert.deepEqual(Log.newestFirst(list).map((e) => e.id), ["b", "a", "c"]);
});
