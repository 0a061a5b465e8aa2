/* Answer codes (docs/assets/js/zelfscan-code.js): round trip, size budget, pasting, and typing errors caught. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { makeModel, answersFor } = require("./model");
const Code = require("../../docs/assets/js/zelfscan-code.js");
const Score = require("../../docs/assets/js/zelfscan-score.js");
const qrcode = require("../../docs/assets/vendor/qrcode-generator/qrcode.js");
const SITE = "https://lerende-organisatie.github.io/ontwikkelkaarten/zelfscan/"; // site_url in mkdocs.yml
const REAL_SIZE = { dimensions: 8, statements: 5 }; // the form today: 40 statements

const model = makeModel({ dimensions: 3, statements: 3 });
// Every kind of answer: scores low and high, "weet ik niet" (null), and unanswered statements (undefined).
const values = { 1: [1, 5, null], 2: [undefined, 3], 3: [4, undefined, 2] };
const doc = { respondent: "K7Q2M9XA", dimensions: answersFor(model, values) };

function only(result) {
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.entries.length, 1);
  return result.entries[0];
}

test("a code gives back the respondent, the content version and every answer", () => {
  const code = Code.make(doc, model);
  assert.match(code, /^LO1-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/);
  const entry = only(Code.parse(code, model));
  assert.equal(entry.respondent, "K7Q2M9XA");
  assert.equal(entry.contentVersion, "2026.2");
  assert.deepEqual(entry.dimensions.map((d) => d.answers), doc.dimensions.map((d) => d.answers));
});

test("a scale of seven options still fits: values take four bits", () => {
  const scale = [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: `optie ${value}` }));
  const wide = makeModel({ dimensions: 2, statements: 3, scale });
  const seven = { respondent: "00000000", dimensions: answersFor(wide, { 1: [7, null, 1], 2: [6] }) };
  const entry = only(Code.parse(Code.make(seven, wide), wide));
  assert.deepEqual(entry.dimensions.map((d) => d.answers.map((a) => a.value)), [[7, null, 1], [6]]);
});

test("size budget: a code for 40 statements is at most 60 characters, and its link fits a QR code of version 8", () => {
  const real = makeModel(REAL_SIZE);
  const full = { respondent: Score.newRespondentId(), dimensions: answersFor(real, Object.fromEntries(
    real.dimensions.map((d) => [d.number, d.statements.map((s, i) => (i === 4 ? null : 5))]))) };
  const code = Code.make(full, real);
  assert.ok(code.length <= 60, `${code} is ${code.length} characters`);
  const qr = qrcode(0, "M");
  qr.addData(Code.link(SITE, code));
  qr.make();
  // Version 8 is 49 x 49 modules: a phone reads it from a laptop screen across a table.
  assert.ok(qr.getModuleCount() <= 49, `QR code of ${qr.getModuleCount()} modules`);
});

test("a code pasted with spaces, line breaks and in lower case reads the same", () => {
  const code = Code.make(doc, model);
  const messy = `  ${code.slice(0, 9)}\n  ${code.slice(9, 20).toLowerCase()} \r\n\t${code.slice(20)}  \n`;
  assert.equal(only(Code.parse(messy, model)).respondent, "K7Q2M9XA");
});

test("many codes at once: on lines, glued together, as links, with the word 'Antwoordcode'", () => {
  const codes = ["K7Q2M9XA", "00000000", "ZZZZZZZZ", "1234ABCD"].map((respondent) => Code.make({ ...doc, respondent }, model));
  const pasted = `${codes[0]}\n\n${codes[1]}${codes[2]}, Antwoordcode: ${Code.link(SITE, codes[3])}`;
  const result = Code.parse(pasted, model);
  assert.equal(result.error, undefined, result.error);
  assert.deepEqual(result.entries.map((e) => e.respondent), ["K7Q2M9XA", "00000000", "ZZZZZZZZ", "1234ABCD"]);
});

test("a link's fragment holds the code; a page without one has none", () => {
  const code = Code.make(doc, model);
  const url = new URL(Code.link(`${SITE}#vorige-sectie`, code));
  assert.equal(url.origin + url.pathname, SITE);
  assert.equal(Code.fromFragment(url.hash), code);
  assert.equal(Code.fromFragment("#zs-team-view"), "");
  assert.equal(Code.fromFragment(""), "");
});

test("every wrong character and every swap of two neighbours is caught", () => {
  const code = Code.make(doc, model);
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let tried = 0;
  for (let i = 4; i < code.length; i += 1) {
    if (code[i] === "-") continue;
    for (const c of alphabet) {
      if (c === code[i]) continue;
      const typo = code.slice(0, i) + c + code.slice(i + 1);
      assert.match(Code.parse(typo, model).error || "", /klopt niet|niet voorkomt/, typo);
      tried += 1;
    }
    const j = code[i + 1] === "-" ? i + 2 : i + 1;
    if (j < code.length && code[i] !== code[j]) {
      const swapped = code.slice(0, i) + code[j] + code.slice(i + 1, j) + code[i] + code.slice(j + 1);
      assert.match(Code.parse(swapped, model).error, /klopt niet/, swapped);
    }
  }
  assert.ok(tried > 500);
});

test("a character left out or added is caught", () => {
  const code = Code.make(doc, model);
  assert.match(Code.parse(code.slice(0, 10) + code.slice(11), model).error, /klopt niet/);
  assert.match(Code.parse(code.slice(0, 10) + "7" + code.slice(10), model).error, /klopt niet/);
  assert.match(Code.parse(code.slice(0, -1), model).error, /klopt niet/);
});

test("letters that look like digits are read as those digits (O as 0, I and L as 1)", () => {
  const code = Code.make({ ...doc, respondent: "10101010" }, model);
  const looksAlike = "LO1-" + code.slice(4).replace(/0/g, "O").replace(/1/g, "I");
  assert.equal(only(Code.parse(looksAlike, model)).respondent, "10101010");
});

test("a code from a form with a changed statement is refused, naming its version", () => {
  const code = Code.make(doc, model);
  const changed = makeModel({ dimensions: 3, statements: 3, version: "2026.3" });
  changed.dimensions[1].statements[2].hash = "0123456789ab";
  const error = Code.parse(code, changed).error;
  assert.match(error, /versie 2026\.2 van de zelfscan; deze pagina is versie 2026\.3/);
  assert.match(error, /Er is niets toegevoegd/);
  // A new content version with the same statements reads fine.
  const sameStatements = makeModel({ dimensions: 3, statements: 3, version: "2026.3" });
  assert.equal(only(Code.parse(code, sameStatements)).contentVersion, "2026.2");
});

test("all or nothing: one wrong code among several names that code and gives no entries", () => {
  const good = Code.make(doc, model);
  const wrong = good.slice(0, 12) + (good[12] === "A" ? "B" : "A") + good.slice(13);
  const result = Code.parse(`${good}\n${wrong}\n${good}`, model);
  assert.equal(result.entries, undefined);
  assert.match(result.error, /^Code 2 \(LO1-.{4,9}…\) klopt niet/);
});

test("text that is not a code, an empty field and a newer code format each get a message", () => {
  assert.match(Code.parse("hallo daar", model).error, /'HALLODAAR' is geen antwoordcode/);
  assert.match(Code.parse("  \n ", model).error, /geen antwoordcode in het veld/);
  assert.match(Code.parse(Code.make(doc, model).replace("LO1-", "LO2-"), model).error, /nieuwere versie/);
  assert.match(Code.parse("LO1-K7Q2-UUUU", model).error, /teken .* niet voorkomt \('U'\)/);
});
