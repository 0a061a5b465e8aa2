"""A workbook of text-only sheets as .xlsx bytes: what the XLSForm needs, and no more.

Every cell is an inline string, so a spreadsheet never takes a leading = for a formula. Written by hand instead
of with openpyxl, whose import alone cost each build more than all our page macros together; the tests read the
result back with openpyxl and pyxform (tests/test_survey_files.py). Fixed timestamps: the same sheets give the
same bytes, build after build.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def workbook(sheets: dict[str, list[list[str]]], creator: str) -> bytes:
    """Sheet name -> rows of cells (empty cells stay empty), in this order."""
    names = list(sheets)
    parts = {
        "[Content_Types].xml": _content_types(len(names)),
        "_rels/.rels": _relationships([
            ("officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
            ("package/2006/relationships/metadata/core-properties", "docProps/core.xml")]),
        "docProps/core.xml": _core_properties(creator),
        "xl/workbook.xml": XML + f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT_RELATIONSHIPS}"><sheets>'
                           + "".join(f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                                     for i, name in enumerate(names, start=1))
                           + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": _relationships([
            ("officeDocument/2006/relationships/worksheet", f"worksheets/sheet{i}.xml")
            for i in range(1, len(names) + 1)]),
        **{f"xl/worksheets/sheet{i}.xml": _sheet(sheets[name]) for i, name in enumerate(names, start=1)},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in parts.items():
            info = zipfile.ZipInfo(path, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _sheet(rows: list[list[str]]) -> str:
    cells = "".join(
        f'<row r="{r}">' + "".join(
            f'<c r="{_column(c)}{r}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
            for c, value in enumerate(row, start=1) if value) + "</row>"
        for r, row in enumerate(rows, start=1))
    return XML + f'<worksheet xmlns="{MAIN}"><sheetData>{cells}</sheetData></worksheet>'


def _column(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _relationships(targets: list[tuple[str, str]]) -> str:
    return XML + f'<Relationships xmlns="{RELATIONSHIPS}">' + "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, start=1)) + "</Relationships>"


def _content_types(sheet_count: int) -> str:
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = [("/xl/workbook.xml", f"{office}.sheet.main+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")]
    overrides += [(f"/xl/worksheets/sheet{i}.xml", f"{office}.worksheet+xml") for i in range(1, sheet_count + 1)]
    return (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides)
            + "</Types>")


def _core_properties(creator: str) -> str:
    when = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIME)
    return (XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{escape(creator)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>')
