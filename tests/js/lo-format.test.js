// LoFormat (docs/assets/js/lo-format.js): envelopes, safe ids, three-way merge, local dates.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Format = require("../../docs/assets/js/lo-format.js");

const SPEC = { format: "lerende-organisatie/proef", formerFormats: ["lerende-organisatie-proef"], version: 2,
               what: "proefbestand" };

test("an envelope of this format in a version the page reads passes, the old id too", () => {
  assert.equal(Format.checkEnvelope({ format: "lerende-organisatie/proef", formatVersion: 2 }, SPEC), null);
  assert.equal(Format.checkEnvelope({ format: "lerende-organisatie-proef", formatVersion: 1 }, SPEC), null);
});

test("foreign, damaged and newer files are told apart", () => {
  for (const data of [null, [], "tekst", { format: "iets-anders", formatVersion: 1 }, {}]) {
    assert.deepEqual(Format.checkEnvelope(data, SPEC), { problem: "foreign" });
  }
  for (const version of [undefined, "1", 1.5, 0, -1, null]) {
    assert.deepEqual(Format.checkEnvelope({ format: SPEC.format, formatVersion: version }, SPEC), { problem: "damaged" });
  }
  assert.deepEqual(Format.checkEnvelope({ format: SPEC.format, formatVersion: 3 }, SPEC), { problem: "newer", version: 3 });
});

test("one Dutch wording names the file and says what is wrong", () => {
  assert.equal(Format.fileProblem({ problem: "foreign" }, "'x.json'", SPEC), "'x.json' is geen proefbestand.");
  assert.equal(Format.fileProblem({ problem: "newer", version: 3 }, "'x.json'", SPEC),
    "'x.json' heeft formaatversie 3; deze pagina kent alleen versie 2. Het bestand komt van een nieuwere versie van deze site.");
  assert.equal(Format.fileProblem({ problem: "damaged" }, "Dit bestand", SPEC),
    "Dit bestand is beschadigd: de versie van het bestandsformaat ontbreekt.");
  assert.equal(Format.fileProblem({ problem: "damaged", detail: "de antwoorden ontbreken" }, "Dit bestand", SPEC),
    "Dit bestand is beschadigd: de antwoorden ontbreken.");
});

test("ids that name built-in properties or carry odd characters are not safe", () => {
  for (const id of ["gedragen-visie", "lx3k9-a1b2c3", "a_b.c:d", "x-2"]) assert.ok(Format.isSafeId(id), id);
  for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "-x", "a b", "a\n",
                    "x".repeat(101), 5, null, undefined, {}]) {
    assert.ok(!Format.isSafeId(id), String(id));
  }
});

test("merge3 keeps what this tab changed and takes every other field from storage", () => {
  const base = new Map([["a", 1], ["b", 1], ["c", 1], ["gone-here", 1]]);
  const mine = new Map([["a", 2], ["b", 1], ["c", 1], ["new-here", 1]]);
  const theirs = new Map([["a", 3], ["b", 3], ["gone-here", 1], ["new-there", { x: 1 }]]);
  const merged = Format.merge3(base, mine, theirs);
  assert.deepEqual(Object.fromEntries(merged), { a: 2, b: 3, "new-here": 1, "new-there": { x: 1 } });
  // "c" was removed in the other tab and left alone here: removed; "gone-here" removed here: removed.
});

test("merge3 compares values by content, not by identity", () => {
  const merged = Format.merge3(new Map([["r", { v: 1 }]]), new Map([["r", { v: 1 }]]), new Map([["r", { v: 2 }]]));
  assert.deepEqual(merged.get("r"), { v: 2 });
});

test("localDate is the date where the user is, not in UTC", () => {
  process.env.TZ = "Europe/Amsterdam";
  assert.equal(Format.localDate(new Date("2026-03-15T23:30:00Z")), "2026-03-16");
  assert.equal(Format.localDate(new Date("2026-07-01T21:59:00Z")), "2026-07-01");
  assert.equal(Format.localDate(new Date("2026-07-01T22:00:00Z")), "2026-07-02");  // summer time: UTC+2
  assert.match(Format.localDate(), /^\d{4}-\d{2}-\d{2}$/);
});
