/*
 * A survey export in the team, and the team split by the background questions ROL and TEAM, as pure functions
 * (tests/js/zelfscan-survey.test.js). Loaded with the survey part of the team view, when it is first needed.
 *
 * fromImport turns what SurveyImport read into the team's compact survey entry (see zelfscan-team.js); add puts
 * it in the team, replacing an earlier read of the same export. split and roles are the analysis: a group smaller
 * than the minimum is never shown apart, nor one whose result could be worked out from the total and the others.
 * Needs ZelfscanTeam (zelfscan-team.js) and ZelfscanScore (zelfscan-score.js).
 */
var ZelfscanSurvey = (function (Team, Score) {
  "use strict";

  var ROLES = { LG: "Leidinggevenden", HR: "HR", MW: "Medewerkers" };
  var NONE = { ROL: "Geen rol opgegeven", TEAM: "Geen team opgegeven" };

  /** The statements in the form's order: the columns of a survey entry's answers. */
  function statements(model) {
    var all = [];
    model.dimensions.slice().sort(function (a, b) { return a.number - b.number; }).forEach(function (dim) {
      dim.statements.forEach(function (s) { all.push(s.hash); });
    });
    return all;
  }

  /** SurveyImport's {respondents, report} as a survey entry named `label` (the file name). */
  function fromImport(read, model, label) {
    var hashes = statements(model), at = {};
    hashes.forEach(function (hash, k) { at[hash] = k; });
    var rows = read.respondents.map(function (r) {
      var chars = hashes.map(function () { return "-"; });
      r.dimensions.forEach(function (dim) {
        dim.answers.forEach(function (a) { chars[at[a.hash]] = a.value === null ? "?" : String(a.value); });
      });
      return [r.ROL || "", r.TEAM || "", chars.join("")];
    });
    var id = "s-" + ("0000000" + Score.fnv1a(label + "\n" + JSON.stringify(rows)).toString(16)).slice(-8);
    return { id: id, label: String(label).slice(0, 200), statements: hashes, rows: rows };
  }

  function rowKey(survey, row) {
    return survey.statements.join("") + "\n" + row.join("\n");
  }

  /**
   * Put `entry` among `surveys`. An earlier entry whose every row is also in the new one (the same export, or a
   * later export of the same survey with more people) is replaced, so nobody counts twice.
   * Returns {surveys, replaced: [earlier entries]}.
   */
  function add(surveys, entry) {
    var inNew = new Map();
    entry.rows.forEach(function (row) {
      var key = rowKey(entry, row);
      inNew.set(key, (inNew.get(key) || 0) + 1);
    });
    var replaced = surveys.filter(function (survey) {
      var left = new Map(inNew);
      return survey.id === entry.id || survey.rows.every(function (row) {
        var key = rowKey(survey, row), n = left.get(key) || 0;
        left.set(key, n - 1);
        return n > 0;
      });
    });
    return { surveys: surveys.filter(function (s) { return replaced.indexOf(s) === -1; }).concat([entry]), replaced: replaced };
  }

  /** A shown group's team result, worked out once (a group of thousands takes a moment). */
  function summaryOf(group, model) {
    return group.summary || (group.summary = Team.summary(group.respondents, model));
  }

  /** The name a group is shown by: a role's word, a team's own text, or "geen ... opgegeven". */
  function groupName(key, value) {
    return !value ? NONE[key] : key === "ROL" ? ROLES[value] || value : value;
  }

  /**
   * The people split by `key` ("ROL" or "TEAM"): {shown: [{value, name, respondents}], hidden: [{value, name,
   * count, why}]}. `why` is "small" (fewer than `minimum`) or "derivable": when the hidden groups together are
   * fewer than `minimum`, the smallest shown groups are hidden too, or their result would follow from the total.
   */
  function split(people, key, minimum) {
    var seen = new Map();  // a typed team name: "Zorg" and "zorg" are one team, named as most people spelled it
    Team.groups(people, key).forEach(function (g) {
      var same = seen.get(g.value.toLowerCase());
      if (!same) seen.set(g.value.toLowerCase(), same = { most: 0, respondents: [] });
      if (g.respondents.length > same.most) {
        same.most = g.respondents.length;
        same.value = g.value;
        same.name = groupName(key, g.value);
      }
      same.respondents = same.respondents.concat(g.respondents);
    });
    var groups = Array.from(seen.values());
    var hidden = groups.filter(function (g) { return g.respondents.length < minimum; });
    var shown = groups.filter(function (g) { return g.respondents.length >= minimum; });
    var why = new Map(hidden.map(function (g) { return [g, "small"]; }));
    var hiddenCount = hidden.reduce(function (sum, g) { return sum + g.respondents.length; }, 0);
    shown.sort(function (a, b) { return a.respondents.length - b.respondents.length; });
    while (hiddenCount > 0 && hiddenCount < minimum && shown.length) {
      var next = shown.shift();
      why.set(next, "derivable");
      hidden.push(next);
      hiddenCount += next.respondents.length;
    }
    function byName(a, b) { return a.name.localeCompare(b.name, "nl"); }
    return {
      shown: (key === "ROL" ? order(shown) : shown.sort(byName)),
      hidden: hidden.sort(byName).map(function (g) {
        return { value: g.value, name: g.name, count: g.respondents.length, why: why.get(g) };
      })
    };
  }

  function order(roles) {
    var rank = ["LG", "HR", "MW", ""];
    return roles.sort(function (a, b) { return rank.indexOf(a.value) - rank.indexOf(b.value); });
  }

  /**
   * Leaders next to employees (and HR when shown): per dimension the means and the difference MW - LG, and the
   * `n` statements where the two differ most, the places for the conversation. null when leaders or employees are
   * not shown apart (too few).
   */
  function roles(byRole, model, n) {
    var result = {};
    byRole.shown.forEach(function (g) { result[g.value] = summaryOf(g, model); });
    if (!result.LG || !result.MW) return null;
    var statementRows = [];
    var dimensions = result.LG.dimensions.map(function (lg, i) {
      var mw = result.MW.dimensions[i];
      lg.statements.forEach(function (s, k) {
        var other = mw.statements[k];
        if (s.mean !== null && other.mean !== null) {
          statementRows.push({ number: s.number, index: s.index, text: s.text, LG: s.mean, MW: other.mean,
                               difference: other.mean - s.mean });
        }
      });
      return { id: lg.id, number: lg.number, title: lg.title, LG: lg.mean, MW: mw.mean,
               HR: result.HR ? result.HR.dimensions[i].mean : null,
               difference: lg.mean === null || mw.mean === null ? null : mw.mean - lg.mean };
    });
    var starters = statementRows.map(function (s, k) { return { s: s, k: k }; })
      .filter(function (x) { return Math.abs(x.s.difference) > 0; })
      .sort(function (a, b) { return Math.abs(b.s.difference) - Math.abs(a.s.difference) || a.k - b.k; })
      .slice(0, n).map(function (x) { return x.s; });
    return { hasHR: Boolean(result.HR), dimensions: dimensions, starters: starters };
  }

  return { ROLES: ROLES, fromImport: fromImport, add: add, split: split, summaryOf: summaryOf, roles: roles, groupName: groupName };
})(typeof module !== "undefined" ? require("./zelfscan-team.js") : ZelfscanTeam,
   typeof module !== "undefined" ? require("./zelfscan-score.js") : ZelfscanScore);
if (typeof module !== "undefined") module.exports = ZelfscanSurvey;
