/*
 * Answer codes ("antwoordcodes"): one member's scores as a short text to paste, put in a link or a QR code.
 * Pure functions (no page, no storage), so they can be tested in Node. The page loads this file when a code is
 * made or added. Needs ZelfscanScore (zelfscan-score.js).
 *
 * A code reads "LO1-" followed by Crockford base32 in groups of four: LO1-K7Q2-M9XA-...
 *   "LO"  marks a code; L and O never occur after it, so codes pasted together can be told apart;
 *   "1"   the code's format version (FORMAT_VERSION).
 * The base32 text holds these bytes, most significant bit first:
 *   5  respondent id (the same 8 characters as in an export file)
 *   3  content version "YYYY.N": year minus 2000 (1 byte), N (2 bytes)
 *   2  fingerprint of the form: scale and every dimension's id and statement hashes, in order
 *   .. one value per statement (dimensions by number, statements in YAML order), `bitsPerValue` bits each:
 *      0 = not answered, 1..k = the k-th option of the scale (low to high), k + 1 = "weet ik niet"
 *   2  CRC-16 of all bytes before it, so a typing error is caught
 * A code does not carry the notes ("wat gaat goed", "wat kan beter"): they would make it long.
 * A code made on a form whose statements differ (another fingerprint) is refused as a whole: its values
 * cannot be matched to statements one by one.
 */
var ZelfscanCode = (function (Score) {
  "use strict";

  var FORMAT_VERSION = 1;
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var ID_LENGTH = 8;  // characters; 40 bits
  var HEADER = 10;    // bytes before the values: id, version, fingerprint
  var LINK_KEY = "antwoordcode=";

  /* ---------- building blocks ---------- */

  function toBase32(bytes) {
    var out = "", buffer = 0, bits = 0;
    bytes.forEach(function (byte) {
      buffer = (buffer << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += ALPHABET[(buffer >> bits) & 31];
      }
      buffer &= (1 << bits) - 1;
    });
    return bits ? out + ALPHABET[(buffer << (5 - bits)) & 31] : out;
  }

  /** Base32 text to bytes; null when a character is not base32 or leftover bits are not zero. */
  function fromBase32(text) {
    var bytes = [], buffer = 0, bits = 0;
    for (var i = 0; i < text.length; i += 1) {
      var value = ALPHABET.indexOf(text[i]);
      if (value < 0) return null;
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((buffer >> bits) & 255);
      }
      buffer &= (1 << bits) - 1;
    }
    return buffer === 0 ? bytes : null;
  }

  /** CRC-16/CCITT-FALSE: finds every single wrong character and every swap of two neighbours. */
  function crc16(bytes) {
    var crc = 0xffff;
    bytes.forEach(function (byte) {
      crc ^= byte << 8;
      for (var i = 0; i < 8; i += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    });
    return crc;
  }

  function ordered(model) {
    return model.dimensions.slice().sort(function (a, b) { return a.number - b.number; });
  }

  /** 16 bits that change when the scale, a dimension id or any statement changes. */
  function fingerprint(model) {
    var text = model.scale.map(function (s) { return s.value; }).join(",") + "|" +
      ordered(model).map(function (dim) {
        return dim.id + ":" + dim.statements.map(function (s) { return s.hash; }).join(",");
      }).join("|");
    return Score.fnv1a(text) & 0xffff;
  }

  function bitsPerValue(model) {
    return Math.ceil(Math.log2(model.scale.length + 2));
  }

  function versionBytes(version) {
    var parts = /^(\d{4})\.(\d+)$/.exec(version) || [null, "2000", "0"];
    var year = Math.min(Math.max(Number(parts[1]) - 2000, 0), 255), number = Math.min(Number(parts[2]), 65535);
    return [year, number >> 8, number & 255];
  }

  function versionText(bytes) {
    return (2000 + bytes[0]) + "." + ((bytes[1] << 8) | bytes[2]);
  }

  /* ---------- making a code ---------- */

  /** The code for a document's answers (as parsed against `model`); the document must have a respondent id. */
  function make(doc, model) {
    var k = model.scale.length, width = bitsPerValue(model);
    var positions = {};
    model.scale.forEach(function (s, i) { positions[s.value] = i + 1; });
    var answers = {};
    doc.dimensions.forEach(function (d) { answers[d.id] = d.answers; });
    var bytes = fromBase32(doc.respondent).concat(versionBytes(model.version));
    var print = fingerprint(model);
    bytes.push(print >> 8, print & 255);
    var buffer = 0, bits = 0;
    ordered(model).forEach(function (dim) {
      var byIndex = {};
      (answers[dim.id] || []).forEach(function (a) { byIndex[a.index] = a; });
      dim.statements.forEach(function (statement) {
        var answer = byIndex[statement.index];
        var value = !answer ? 0 : answer.value === null ? k + 1 : positions[answer.value];
        buffer = (buffer << width) | value;
        bits += width;
        while (bits >= 8) {
          bits -= 8;
          bytes.push((buffer >> bits) & 255);
        }
        buffer &= (1 << bits) - 1;
      });
    });
    if (bits) bytes.push((buffer << (8 - bits)) & 255);
    var check = crc16(bytes);
    bytes.push(check >> 8, check & 255);
    return "LO" + FORMAT_VERSION + "-" + toBase32(bytes).match(/.{1,4}/g).join("-");
  }

  /** A link to `pageUrl` (without fragment) whose fragment holds the code: browsers never send a fragment. */
  function link(pageUrl, code) {
    return pageUrl.split("#")[0] + "#" + LINK_KEY + code;
  }

  /** The code in a location's fragment ("#antwoordcode=LO1-..."), or "" when it has none. */
  function fromFragment(hash) {
    var text = String(hash || "").replace(/^#/, "");
    try { text = decodeURIComponent(text); } catch (err) { /* keep it as it is */ }
    return text.indexOf(LINK_KEY) === 0 ? text.slice(LINK_KEY.length) : "";
  }

  /* ---------- reading codes ---------- */

  /**
   * Split pasted text into codes. Spaces and line breaks anywhere are ignored (a code may be broken over
   * lines), as is a link's address before the code, the word "antwoordcode" and commas or semicolons between
   * codes. Returns {codes: [{version, body, shown}]} or {error} for text that is not a code.
   */
  function split(text) {
    var plain = String(text).toUpperCase().replace(/\s+/g, "")
      .replace(/[A-Z]+:\/\/[^#]*#/g, "").replace(/#?ANTWOORDCODE[:=]?/g, "");
    var codes = [], error = null;
    plain.split(/(?=LO\d)/).forEach(function (part) {
      if (error) return;
      var match = /^LO(\d)-?([^,;]*)[,;]*$/.exec(part);
      if (match) {
        codes.push({ version: Number(match[1]), body: match[2], shown: "LO" + match[1] + "-" + match[2].slice(0, 9) });
      } else if (part.replace(/[,;.-]/g, "")) {
        error = "'" + part.slice(0, 24) + (part.length > 24 ? "…" : "") + "' is geen antwoordcode. " +
          "Een antwoordcode begint met LO1-.";
      }
    });
    if (error) return { error: error };
    if (!codes.length) return { error: "Er staat geen antwoordcode in het veld. Een antwoordcode begint met LO1-." };
    return { codes: codes };
  }

  /** One code's body against the model: {respondent, dimensions} or {error} (a Dutch sentence without the code). */
  function decode(code, model) {
    if (code.version !== FORMAT_VERSION) {
      return { error: code.version > FORMAT_VERSION
        ? "is gemaakt met een nieuwere versie van de zelfscan. Vernieuw deze pagina en probeer het opnieuw."
        : "is geen geldige antwoordcode." };
    }
    var body = code.body.replace(/-/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
    var wrong = body.replace(new RegExp("[" + ALPHABET + "]", "g"), "");
    if (wrong) return { error: "bevat een teken dat in een antwoordcode niet voorkomt ('" + wrong[0] + "')." };
    var bytes = fromBase32(body);
    var typo = "klopt niet: er zit een tikfout in of er ontbreekt een stuk. Kopieer de code opnieuw.";
    if (!bytes || bytes.length < HEADER + 2) return { error: typo };
    var check = bytes.slice(-2), content = bytes.slice(0, -2);
    if (crc16(content) !== ((check[0] << 8) | check[1])) return { error: typo };
    var version = versionText(content.slice(5, 8));
    var print = fingerprint(model);
    if (((content[8] << 8) | content[9]) !== print) {
      return { error: version === model.version
        ? "hoort bij andere uitspraken dan deze pagina. Vraag om een exportbestand in plaats van een code."
        : "hoort bij versie " + version + " van de zelfscan; deze pagina is versie " + model.version +
          " en de uitspraken zijn intussen gewijzigd. Vraag om een nieuwe code of een exportbestand." };
    }
    var dims = ordered(model), k = model.scale.length, width = bitsPerValue(model);
    var count = dims.reduce(function (n, dim) { return n + dim.statements.length; }, 0);
    if (content.length !== HEADER + Math.ceil(count * width / 8)) return { error: typo };
    var position = HEADER * 8, broken = false;
    function next() {
      var value = 0;
      for (var i = 0; i < width; i += 1, position += 1) {
        value = (value << 1) | ((content[position >> 3] >> (7 - (position & 7))) & 1);
      }
      return value;
    }
    var dimensions = dims.map(function (dim) {
      var answers = [];
      dim.statements.forEach(function (statement) {
        var value = next();
        if (value > k + 1) broken = true;
        else if (value) answers.push({ index: statement.index, hash: statement.hash, value: value > k ? null : model.scale[value - 1].value });
      });
      return { id: dim.id, answers: answers, good: "", better: "" };
    });
    if (broken) return { error: typo };
    return { respondent: toBase32(content.slice(0, 5)), contentVersion: version, dimensions: dimensions };
  }

  /**
   * Read every code in pasted text. All or nothing: {entries: [{respondent, contentVersion, dimensions}]},
   * or {error} naming the first code that is wrong, so nothing is added until every code reads.
   */
  function parse(text, model) {
    var split_ = split(text);
    if (split_.error) return { error: split_.error };
    var entries = [];
    for (var i = 0; i < split_.codes.length; i += 1) {
      var code = split_.codes[i];
      var read = decode(code, model);
      if (read.error) {
        var which = split_.codes.length > 1 ? "Code " + (i + 1) + " (" + code.shown + "…)" : "De code " + code.shown + "…";
        return { error: which + " " + read.error + " Er is niets toegevoegd." };
      }
      entries.push(read);
    }
    return { entries: entries };
  }

  return {
    FORMAT_VERSION: FORMAT_VERSION, make: make, link: link, fromFragment: fromFragment, parse: parse,
    fingerprint: fingerprint
  };
})(typeof module !== "undefined" ? require("./zelfscan-score.js") : ZelfscanScore);
if (typeof module !== "undefined") module.exports = ZelfscanCode;
