"""Column widths for a Markdown table in Word: no body word broken, long cells get room.

Word's autofit is not applied by every reader (LibreOffice keeps the stored grid), so the
grid is computed here from the text, with a fixed table layout.
"""

from __future__ import annotations

CHAR_WIDTH = 95  # twips of an average 9 pt Arial character
BOLD_CHAR_WIDTH = 105  # the same in bold (the header row)
CELL_PADDING = 200  # the cell's left and right margins plus a little air
HEADER_LINES = 3  # a header cell may wrap to this many lines before it asks for room


def column_widths(rows, columns: int, total: int) -> list[int]:
    """Share the text width so that body words are never broken and long cells get room.

    In order of need: the longest word of the body cells (a column splitting
    "Hovedstaden" is what a reader notices), the longest header word (Word hyphenates a
    header that must wrap), then each column's text: a body cell on one line, the header
    in up to three. Each tier is met in full before the next gets the remaining width.
    """
    body_word, head_word, text = [], [], []
    for column in range(columns):
        tiers = [0.0, 0.0, 0.0]
        for index, row in enumerate(rows):
            if column >= len(row):
                continue
            width = BOLD_CHAR_WIDTH if index == 0 else CHAR_WIDTH
            content = "".join(span.text for span in row[column])
            word = max([len(part) for part in content.split()] or [0]) * width
            tiers[1 if index == 0 else 0] = max(tiers[1 if index == 0 else 0], word)
            tiers[2] = max(tiers[2], len(content) * width / (HEADER_LINES if index == 0 else 1))
        body_word.append(tiers[0] + CELL_PADDING)
        head_word.append(max(tiers[:2]) + CELL_PADDING)
        text.append(max(tiers) + CELL_PADDING)
    widths = [float(w) for w in body_word]
    if sum(widths) >= total:
        widths = [w * total / sum(widths) for w in widths]
    else:
        for tier in (head_word, text):
            extra = [t - w for t, w in zip(tier, widths)]
            spare = total - sum(widths)
            if sum(extra) <= 0:
                continue
            share = min(1.0, spare / sum(extra))
            widths = [w + e * share for w, e in zip(widths, extra)]
        widths = [w * total / sum(widths) for w in widths]  # any rest, in proportion
    widths = [int(w) for w in widths]
    widths[-1] += total - sum(widths)
    return widths
