/*
 * FeedbackLog: the feedback log's notes and file format, as pure functions (no page, no storage), so they run in
 * the browser and under `node --test` (tests/js/). Needs LoFormat (lo-format.js) loaded first.
 *
 * A note is {id, date: "YYYY-MM-DD", who, question, learned, did}, all strings. The same envelope is stored in
 * the browser and exported: {format: "lerende-organisatie/feedback-logboek", formatVersion, contentVersion, entries}.
 * Every change is a function from a list of notes to a new list, applied to what is stored at the moment of
 * writing (see LoStore.update). A tab can still write over a note it has not read yet; the tab that made that
 * note merges it back when it hears of the write (mergeTabs), so two tabs never undo each other's notes.
 * No id is ever used twice.
 */
var FeedbackLog = (function (Format) {
  "use strict";

  var FORMAT_VERSION = 1;
  var SPEC = { format: Format.PREFIX + "feedback-logboek", version: FORMAT_VERSION, what: "feedbacklogboek van deze site" };
  var FIELDS = ["date", "who", "question", "learned", "did"];

  function envelope(entries, contentVersion) {
    return { format: SPEC.format, formatVersion: FORMAT_VERSION, contentVersion: contentVersion, entries: entries };
  }

  function isEntry(entry) {
    return entry !== null && typeof entry === "object" && typeof entry.id === "string" && entry.id !== "" &&
      FIELDS.every(function (field) { return typeof entry[field] === "string"; }) &&
      /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && entry.who.trim() !== "";
  }

  /** Only the known fields of a note, so nothing else from a file travels along. */
  function clean(entry) {
    var note = { id: entry.id };
    FIELDS.forEach(function (field) { note[field] = entry[field]; });
    return note;
  }

  /**
   * One note per id: a repeat with the same content is dropped, a repeat with other content gets the id
   * "<id>-2" (or the next free number). Deterministic, so the same list always gives the same ids.
   */
  function uniqueIds(entries) {
    var byId = new Map();
    var out = [];
    entries.forEach(function (entry) {
      var earlier = byId.get(entry.id);
      if (earlier && Format.same(clean(earlier), clean(entry))) return;
      var id = entry.id;
      for (var n = 2; byId.has(id); n++) id = entry.id + "-" + n;
      var note = clean(entry);
      note.id = id;
      byId.set(id, note);
      out.push(note);
    });
    return out;
  }

  /**
   * The notes in an export or in storage (`name` names it in messages): {entries, unsafe} with `unsafe` the
   * number of notes skipped for an id that may not be a key; or {error, problem} when nothing can be used.
   */
  function parse(data, name) {
    var found = Format.checkEnvelope(data, SPEC);
    if (found) return { error: Format.fileProblem(found, name, SPEC), problem: found.problem, version: found.version };
    if (!Array.isArray(data.entries)) {
      return { error: name + " bevat geen lijst met notities.", problem: "damaged" };
    }
    for (var i = 0; i < data.entries.length; i++) {
      if (!isEntry(data.entries[i])) {
        return { error: "Notitie " + (i + 1) + " in " + name + " is onvolledig of beschadigd; er is niets ingelezen.",
                 problem: "damaged" };
      }
    }
    var safe = data.entries.filter(function (entry) { return Format.isSafeId(entry.id); });
    return { entries: uniqueIds(safe), unsafe: data.entries.length - safe.length };
  }

  function add(entries, entry) {
    return uniqueIds(entries.concat([entry]));
  }

  /** Put a changed note in place of the one with its id; when that one is gone (deleted elsewhere), add it back. */
  function replace(entries, entry) {
    var found = entries.some(function (e) { return e.id === entry.id; });
    return found ? entries.map(function (e) { return e.id === entry.id ? clean(entry) : e; }) : add(entries, entry);
  }

  function remove(entries, id) {
    return entries.filter(function (e) { return e.id !== id; });
  }

  /** Add the notes of an import whose id is not in the log yet: {entries, added, known}. */
  function importInto(entries, incoming) {
    var ids = new Set(entries.map(function (e) { return e.id; }));
    var added = incoming.filter(function (e) { return !ids.has(e.id); });
    return { entries: entries.concat(added), added: added.length, known: incoming.length - added.length };
  }

  /**
   * Two tabs' notes: `base` is what both started from, `mine` this tab's notes, `theirs` what is stored now.
   * A note this tab added, changed or removed since `base` stays so; every other note is as stored. Stored notes
   * keep their order, this tab's new ones follow.
   */
  function mergeTabs(base, mine, theirs) {
    function byId(entries) { return new Map((entries || []).map(function (e) { return [e.id, e]; })); }
    var merged = Format.merge3(byId(base), byId(mine), byId(theirs));
    var ids = new Set((theirs || []).concat(mine).map(function (e) { return e.id; }));
    return Array.from(ids).filter(function (id) { return merged.has(id); }).map(function (id) { return merged.get(id); });
  }

  /** Newest date first; notes of one day in the order they were added. */
  function newestFirst(entries) {
    return entries.map(function (entry, i) { return { entry: entry, order: i }; })
      .sort(function (a, b) {
        return a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : a.order - b.order;
      })
      .map(function (item) { return item.entry; });
  }

  return {
    SPEC: SPEC, FIELDS: FIELDS, envelope: envelope, isEntry: isEntry, parse: parse, uniqueIds: uniqueIds,
    add: add, replace: replace, remove: remove, importInto: importInto, mergeTabs: mergeTabs, newestFirst: newestFirst
  };
})(typeof module !== "undefined" ? require("./lo-format.js") : LoFormat);
if (typeof module !== "undefined") module.exports = FeedbackLog;
