"""The plain python-docx script, as a program of its own: ``python naive_script.py BLOCKS.json OUT.docx``.

It imports nothing of KKR Desk: the blocks (benchmarks.generate.meeting_blocks, dumped to
JSON by the parent) are what it writes, the same way benchmarks/docx_baseline.py does.
"""

import json
import sys

import docx

LIST_STYLES = {"bullet": "List Bullet", "numbered": "List Number"}

blocks = json.loads(open(sys.argv[1], encoding="utf-8").read())
document = docx.Document()
for block in blocks:
    if block["kind"] == "heading":
        document.add_heading(block["text"], level=min(block["level"], 9))
    elif block["kind"] == "table":
        rows = block["rows"]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows):
            for cell, value in zip(row.cells, values):
                cell.text = value
    else:
        document.add_paragraph(block["text"], style=LIST_STYLES.get(block["kind"]))
document.save(sys.argv[2])
