/*
 * LoFormat: what the tools' files and stored data have in common, as pure functions (no page, no storage),
 * so they run in the browser (classic script, also from file://) and under `node --test` (tests/js/).
 *
 *   checkEnvelope(data, spec)       is this our file, and in a format version this page reads?
 *   fileProblem(found, name, spec)  the one Dutch wording of what checkEnvelope found wrong with a file
 *   isSafeId(id)                    may this id from a file become a key? (no "__proto__", "constructor", ...)
 *   merge3(base, mine, theirs)      three-way merge of flat records: what two tabs changed, both kept
 *   localDate(date)                 "2026-03-16" in the user's own time zone (for file names and dates shown)
 *
 * A spec names a file format: {format: "lerende-organisatie/<tool>", formerFormats: [older ids still read],
 * version: the formatVersion this page writes, what: "<Dutch noun for the file>"}. Every format id has the
 * form "lerende-organisatie/<tool>"; an id written in another style before keeps being read through formerFormats.
 */
var LoFormat = (function () {
  "use strict";

  var PREFIX = "lerende-organisatie/";

  /** null when `data` is a file of this spec's format in a version this page reads; else {problem, version}. */
  function checkEnvelope(data, spec) {
    var formats = [spec.format].concat(spec.formerFormats || []);
    if (!data || typeof data !== "object" || Array.isArray(data) || formats.indexOf(data.format) === -1) {
      return { problem: "foreign" };
    }
    var version = data.formatVersion;
    if (typeof version !== "number" || version !== Math.floor(version) || version < 1) return { problem: "damaged" };
    if (version > spec.version) return { problem: "newer", version: version };
    return null;
  }

  /** A Dutch sentence for a problem found in a file called `name` (e.g. "'team.json'" or "Dit bestand"). */
  function fileProblem(found, name, spec) {
    if (found.problem === "foreign") return name + " is geen " + spec.what + ".";
    if (found.problem === "newer") {
      return name + " heeft formaatversie " + found.version + "; deze pagina kent alleen versie " + spec.version +
        ". Het bestand komt van een nieuwere versie van deze site.";
    }
    return name + " is beschadigd" + (found.detail ? ": " + found.detail : ": de versie van het bestandsformaat ontbreekt") + ".";
  }

  /** Whether an id read from a file can safely be used as a key: short, plain characters, no built-in name. */
  function isSafeId(id) {
    return typeof id === "string" && /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(id) &&
      !Object.prototype.hasOwnProperty.call(Object.prototype, id);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /**
   * Three-way merge of flat records (Maps from a field's key to its value; a missing key is an empty field).
   * `base` is what this tab last read or wrote, `mine` what it holds now, `theirs` what is stored now:
   * a field this tab changed since `base` keeps its value, every other field takes the stored one.
   */
  function merge3(base, mine, theirs) {
    var merged = new Map();
    var keys = new Set();
    [base, mine, theirs].forEach(function (record) { record.forEach(function (value, key) { keys.add(key); }); });
    keys.forEach(function (key) {
      var value = same(mine.get(key), base.get(key)) ? theirs.get(key) : mine.get(key);
      if (value !== undefined) merged.set(key, value);
    });
    return merged;
  }

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** The calendar date of `date` (default: now) where the user is, as YYYY-MM-DD; never the UTC date. */
  function localDate(date) {
    var d = date || new Date();
    return d.getFullYear() + "-" + twoDigits(d.getMonth() + 1) + "-" + twoDigits(d.getDate());
  }

  return {
    PREFIX: PREFIX, checkEnvelope: checkEnvelope, fileProblem: fileProblem, isSafeId: isSafeId,
    same: same, merge3: merge3, localDate: localDate
  };
})();
if (typeof module !== "undefined") module.exports = LoFormat;
