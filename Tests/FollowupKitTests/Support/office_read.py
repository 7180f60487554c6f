"""Reads a .docx or .xlsx back with python-docx / openpyxl (independent readers) and prints
what the tests compare, as JSON: every text, the tables' cells, and the workbook's typed cells."""
import datetime
import json
import sys
import unicodedata

path = sys.argv[1]
out = {}
if path.endswith(".docx"):
    import docx
    d = docx.Document(path)
    texts = [p.text for p in d.paragraphs]
    tables = []
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        tables.append(rows)
        texts += [p.text for r in t.rows for c in r.cells for p in c.paragraphs]
    s = d.sections[0]
    out = {"tables": tables, "texts": texts,
           "page": [s.page_width.mm, s.page_height.mm, s.left_margin.mm, s.right_margin.mm, s.top_margin.mm],
           "sections": len(d.sections),
           "fonts": sorted({r.font.name or "" for p in d.paragraphs for r in p.runs}),
           "default_font": d.styles.element.xpath("//w:rPrDefault//w:rFonts/@w:ascii"),
           "header_rows": [bool(t.rows[0]._tr.xpath("./w:trPr/w:tblHeader")) for t in d.tables]}
else:
    import openpyxl
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if isinstance(v, datetime.datetime):
                    cells.append({"date": v.date().isoformat()})
                elif isinstance(v, bool) or v is None:
                    cells.append(None)
                elif isinstance(v, (int, float)):
                    cells.append({"number": v, "format": c.number_format})
                else:
                    cells.append({"text": v})
            rows.append(cells)
        sheets[ws.title] = {"rows": rows, "freeze": ws.freeze_panes,
                            "widths": [ws.column_dimensions[k].width for k in sorted(ws.column_dimensions)],
                            "filter": ws.auto_filter.ref,
                            "landscape": ws.page_setup.orientation == "landscape",
                            "fit_width": ws.page_setup.fitToWidth,
                            "print_titles": ws.print_title_rows}
    out = {"sheets": sheets, "order": wb.sheetnames}
    texts = [c["text"] for s in sheets.values() for r in s["rows"] for c in r if c and "text" in c]
out["not_nfc"] = [t for t in texts if not unicodedata.is_normalized("NFC", t)]
print(json.dumps(out, ensure_ascii=False))
