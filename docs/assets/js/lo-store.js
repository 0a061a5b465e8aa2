/*
 * Keeps a tool's answers in this browser (localStorage) and moves them in and out as files.
 * Nothing is sent anywhere. Classic script with one global, so it also works from file://.
 * Every failure comes back as a Dutch message for the user; nothing here throws.
 */
window.LoStore = (function () {
  "use strict";

  /** Read a stored value: {value} when present, {value: null} when empty, {error} when unreadable. */
  function read(key) {
    var text;
    try {
      text = window.localStorage.getItem(key);
    } catch (err) {
      return { value: null, error: "Je browser staat niet toe dat deze pagina antwoorden bewaart. Je kunt de pagina wel gebruiken, maar exporteer je antwoorden voordat je haar sluit." };
    }
    if (text === null) return { value: null };
    try {
      return { value: JSON.parse(text) };
    } catch (err) {
      return { value: null, error: "De bewaarde antwoorden in deze browser zijn beschadigd en konden niet worden gelezen." };
    }
  }

  /** Store a value; returns a Dutch error message, or null when it worked. */
  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return null;
    } catch (err) {
      return "Je antwoorden konden niet in deze browser worden bewaard (opslag vol of geblokkeerd). Exporteer ze naar een bestand.";
    }
  }

  function remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (err) {
      /* nothing stored, nothing to remove */
    }
  }

  /** Offer text as a file download, made in the browser. */
  function download(filename, text, mimeType) {
    var url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** Read a chosen or dropped file as JSON. Resolves {data} or {error}, with the file name in the message. */
  function readJsonFile(file) {
    return new Promise(function (resolve) {
      if (file.size > 5 * 1024 * 1024) {
        resolve({ error: "'" + file.name + "' is te groot (meer dan 5 MB) voor een exportbestand." });
        return;
      }
      var reader = new FileReader();
      reader.onerror = function () {
        resolve({ error: "'" + file.name + "' kon niet worden gelezen." });
      };
      reader.onload = function () {
        try {
          resolve({ data: JSON.parse(reader.result) });
        } catch (err) {
          resolve({ error: "'" + file.name + "' is geen geldig exportbestand (geen JSON)." });
        }
      };
      reader.readAsText(file);
    });
  }

  return { read: read, write: write, remove: remove, download: download, readJsonFile: readJsonFile };
})();
