/*
 * Load the site's classic scripts (docs/assets/js/) into this Node process as a page would: each sets a
 * global on `window`, which here is Node's global object. Node's test runner gives every test file its own
 * process, so files do not see each other's globals.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
globalThis.window = globalThis;

function load(...files) {
  for (const file of files) {
    const full = path.join(ROOT, "docs", "assets", file.includes("/") ? file : path.join("js", file));
    vm.runInThisContext(fs.readFileSync(full, "utf8"), { filename: full });
  }
  return globalThis;
}

module.exports = { load, ROOT };
