"""Join link addresses, listed after the page that holds them, to their link text.

KL's web addresses are slugs of the linked page's title ("…/referat-fra-moede-i-kkr-
midtjylland-den-18-juni-2024.pdf"), so the link text is the run of words on that page that
spells the slug best. A site suffix the writer added ("(kl.dk)", "- Regeringen.dk") belongs
to the link text too. An address that matches nothing stays unplaced and is reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from .blocks import Block

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ü": "ue", "ö": "oe", "ä": "ae"})
_TOKEN = re.compile(r"\S+")
_SITE = re.compile(r"^\(?[\w-]+(\.[\w-]+)*\.(dk|com|org|net|eu|gov|info)\)*[.,;:]?$", re.IGNORECASE)
_LINKABLE = ("paragraph", "bullet", "numbered", "heading")
MIN_MATCHED_WORDS = 3
MIN_SHARE = 0.5
SEARCH_BUDGET = 20_000_000
"""Characters of text the search for link words may read in one document. A real referat
uses well under 1 % of it; hostile text (one huge page, thousands of addresses) would
otherwise make the search take minutes. Addresses left when it is spent are reported."""


class _Budget:
    """What is left of SEARCH_BUDGET; ``spend`` says whether a search may still read ``cost``."""

    def __init__(self, characters: int = SEARCH_BUDGET):
        self.left = characters

    def spend(self, cost: int) -> bool:
        self.left -= cost
        return self.left >= 0


def slug_words(url: str) -> list[str]:
    """The words of an address's last meaningful path segment: ".../nye-analyser" → ["nye", "analyser"]."""
    path = unquote(urlsplit(url if "://" in url else f"https://{url}").path)
    segments = [segment for segment in path.split("/") if segment]
    for segment in reversed(segments):
        segment = re.sub(r"\.(pdf|aspx?|html?|docx?|php)$", "", segment, flags=re.IGNORECASE)
        words = [word for word in re.split(r"[-_.+\s]+", segment.lower()) if word]
        if len(words) >= 2:
            return words
    return []


@functools.lru_cache(maxsize=8192)  # the same words recur on every page tried
def word_forms(token: str) -> frozenset[str]:
    """The ways a slug may spell a printed word: "Møde" → {"moede", "mode"}."""
    forms: set[str] = set()
    for part in [token, *token.split("-")]:
        forms |= _forms(part)
    return frozenset(forms - {""})


def _forms(token: str) -> set[str]:
    word = re.sub(r"[^\wæøåüöä]", "", token.lower())
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    )
    return {word, word.translate(_TRANSLITERATE), plain.replace("ø", "o").replace("æ", "ae").replace("å", "a")}


def attach_links(
    blocks: list[Block],
    page_urls: dict[int, list[str]],
    link_texts: dict[int, dict[str, str]] | None = None,
) -> list[str]:
    """Place every page's addresses on their words; return the addresses left unplaced.

    ``link_texts`` gives, where the source knows it (a PDF's link rectangles), the words
    each address sits on; otherwise the words are found from the address itself.
    """
    unplaced = []
    budget = _Budget()
    on_page: dict[int, list[Block]] = {}
    position = {id(block): index for index, block in enumerate(blocks)}
    for block in blocks:  # one pass, not one per page
        if block.kind in _LINKABLE:
            for page in block.pages:
                on_page.setdefault(page, []).append(block)
    for page, urls in sorted(page_urls.items()):
        candidates = on_page.get(page, [])
        known = (link_texts or {}).get(page, {})
        for url in dict.fromkeys(urls):
            if known.get(url) and _place_known(url, known[url], candidates, budget):
                continue
            if _place(url, candidates, budget):
                continue
            # An extraction may list addresses a page late: try the pages before and after.
            near = {id(block): block for n in (page - 1, page + 1) for block in on_page.get(n, [])}
            near_blocks = sorted(near.values(), key=lambda block: position[id(block)])
            if not _place(url, near_blocks, budget):
                unplaced.append(url)
    return unplaced


def _place_known(url: str, text: str, blocks: list[Block], budget: _Budget) -> bool:
    """Link the exact words the source printed inside the link's rectangle."""
    wanted = " ".join(text.split())
    if not wanted:
        return False
    for block in blocks:
        if not budget.spend(len(block.text)):
            return False
        start = block.text.find(wanted)
        if start >= 0:
            before = len(block.links)
            _add_link(block, start, start + len(wanted), url)
            if len(block.links) > before:
                return True
    return False


def _place(url: str, blocks: list[Block], budget: _Budget) -> bool:
    best: tuple[float, Block, int, int] | None = None
    target = slug_words(url)
    bare = re.sub(r"^https?://", "", url).rstrip("/").lower()
    for block in blocks:
        if not budget.spend(len(block.text) * (1 + len(target))):
            return False  # reported as unplaced: better than a search without end
        if bare and bare in block.text.lower():
            start = block.text.lower().index(bare)
            _add_link(block, start, start + len(bare), url)
            return True
        if not target:
            continue
        match = _best_span(block.text, target)
        if match and (best is None or match[0] > best[0]):
            best = (match[0], block, match[1], match[2])
    if best is None:
        return False
    _, block, start, end = best
    _add_link(block, start, end, url)
    return True


def _add_link(block: Block, start: int, end: int, url: str) -> None:
    for other_start, other_end, _ in block.links:
        if start < other_end and other_start < end:
            return
    block.links.append((start, end, url))
    block.links.sort()


def _best_span(text: str, target: list[str]) -> tuple[float, int, int] | None:
    """(score, start, end) of the run of words in ``text`` that best spells ``target``."""
    tokens = list(_TOKEN.finditer(text))
    forms = [word_forms(token.group()) for token in tokens]
    best = None
    for first in range(len(tokens)):
        if not forms[first] & set(target):
            continue
        matched, last, position, misses, first_hit = 0, first, 0, 0, None
        for index in range(first, len(tokens)):
            hits = [
                offset
                for offset in range(position, min(position + 4, len(target)))
                if target[offset] in forms[index]
            ]
            if not hits:
                if not re.sub(r"\W", "", tokens[index].group()):
                    continue  # a dash or a bracket on its own
                misses += 1
                if misses > 3:
                    break
                continue
            matched += len(hits)
            first_hit = index if first_hit is None else first_hit
            last = index
            position = hits[-1] + 1
            misses = 0
            if position >= len(target):
                break
        share = matched / len(target)
        if matched >= min(MIN_MATCHED_WORDS, len(target)) and share >= MIN_SHARE:
            if best is None or share > best[0]:
                best = (share, first_hit, last)
    if best is None:
        return None
    share, first, last = best
    last = _with_site_suffix(tokens, last)
    start = tokens[first].start()
    end = _trim_end(text, tokens[first].start(), tokens[last].end())
    return share, start, end


def _with_site_suffix(tokens: list[re.Match], last: int) -> int:
    """Extend over "(kl.dk)" or "- Regeringen.dk" right after the matched words."""
    for offset in (1, 2):
        index = last + offset
        if index >= len(tokens):
            break
        token = tokens[index].group()
        if _SITE.match(token):
            return index
        if token not in ("-", "–", "|"):
            break
    return last


def _trim_end(text: str, start: int, end: int) -> int:
    """Leave sentence punctuation and unbalanced closing brackets outside the link."""
    while end > start:
        span = text[start:end]
        if span[-1] in ".,;:" :
            end -= 1
        elif span[-1] == ")" and span.count(")") > span.count("("):
            end -= 1
        else:
            break
    return end
