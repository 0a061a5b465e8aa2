/* Made-up self-check models for the tests: the shape macros/selfcheck.py gives the page. */
"use strict";

const crypto = require("node:crypto");

const SCALE = [[1, "Nauwelijks"], [2, "Soms"], [3, "Regelmatig"], [4, "Vaak"], [5, "Vanzelfsprekend"]]
  .map(([value, label]) => ({ value, label }));

/** The 12 hex digits macros/selfcheck.py's statement_hash gives a statement's text. */
function statementHash(text) {
  return crypto.createHash("sha256").update(text.split(/\s+/).filter(Boolean).join(" ")).digest("hex").slice(0, 12);
}

/** A model of `dimensions` dimensions with `statements` statements each (8 x 5 is the real form's size). */
function makeModel({ dimensions = 3, statements = 2, version = "2026.2", scale = SCALE } = {}) {
  return {
    version,
    scale,
    dimensions: Array.from({ length: dimensions }, (_, d) => ({
      id: `dim-${d + 1}`, number: d + 1, title: `Dimensie ${d + 1}`, url: `../dimensies/dim-${d + 1}/`,
      suggestions: [`Suggestie ${d + 1}a`, `Suggestie ${d + 1}b`], question: `Vraag ${d + 1}?`,
      statements: Array.from({ length: statements }, (_, s) => {
        const text = `Uitspraak ${d + 1}.${s + 1}`;
        return { index: s, hash: statementHash(text), text };
      }),
    })),
  };
}

/** A document's dimensions from {dimension number: [value or null or undefined per statement]}. */
function answersFor(model, values) {
  return model.dimensions.map((dim) => ({
    id: dim.id, good: "", better: "",
    answers: (values[dim.number] || []).flatMap((value, index) =>
      value === undefined ? [] : [{ index, hash: dim.statements[index].hash, value }]),
  }));
}

module.exports = { SCALE, makeModel, answersFor, statementHash };
