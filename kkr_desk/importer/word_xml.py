"""WordprocessingML names in lxml's {namespace}tag form, for reading a .docx body directly.

Spelled out once here so the reader neither builds them per element (python-docx's ``qn``
was ~77,000 calls for one 100-item referat) nor imports python-docx to get them.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

R_ID = _R + "id"

W_ABSTRACT_NUM = _W + "abstractNum"
W_ABSTRACT_NUM_ID = _W + "abstractNumId"
W_ANCHOR = _W + "anchor"
W_B = _W + "b"
W_BR = _W + "br"
W_CR = _W + "cr"
W_GRID_SPAN = _W + "gridSpan"
W_HYPERLINK = _W + "hyperlink"
W_ILVL = _W + "ilvl"
W_JC = _W + "jc"
W_LVL = _W + "lvl"
W_LVL_OVERRIDE = _W + "lvlOverride"
W_LVL_TEXT = _W + "lvlText"
W_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
W_NUM = _W + "num"
W_NUM_FMT = _W + "numFmt"
W_NUM_ID = _W + "numId"
W_NUM_PR = _W + "numPr"
W_P = _W + "p"
W_PAGE_BREAK_BEFORE = _W + "pageBreakBefore"
W_PPR = _W + "pPr"
W_PSTYLE = _W + "pStyle"
W_PTAB = _W + "ptab"
W_R = _W + "r"
W_RPR = _W + "rPr"
W_START = _W + "start"
W_START_OVERRIDE = _W + "startOverride"
W_T = _W + "t"
W_TAB = _W + "tab"
W_TBL = _W + "tbl"
W_TC = _W + "tc"
W_TR = _W + "tr"
W_TYPE = _W + "type"
W_V_MERGE = _W + "vMerge"
W_VAL = _W + "val"
