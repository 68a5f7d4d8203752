"""HTML nested too deep for lxml: detect it, and flatten the page so that all of its text can be parsed.

libxml2 (under lxml, and so under trafilatura) stops at 256 levels of nested elements and drops the rest of the
page: unclosed tags past that depth lost the rest of a page silently, and a page nested that deep throughout gave
no text at all. A page lxml finds too deep is rewritten by the standard library's event-driven HTML parser
(which keeps no tree, so any depth is safe) with at most ``MAX_DEPTH`` elements open: the tags of wrappers in the
middle of the pile are left out, everything else (text, the outer and innermost tags, comments, entities) is kept
as written. The caller notes the flattening in the report.
"""

from __future__ import annotations

from html.parser import HTMLParser

MAX_DEPTH = 200  # open elements kept; libxml2 stops at 256 and may add a few implied ones (html, body, p)
_RETRIES = (MAX_DEPTH, 100, 32)  # if lxml still finds the flattened page too deep (its tree differs from ours)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"})


def parser_limit(html: str) -> str | None:
    """The message of the resource limit lxml's HTML parser hits on ``html`` (nesting depth, a huge text
    node), or None when it parses the page whole."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser()
    try:
        lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        pass  # an empty or unparsable page: the extractors say so
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            return entry.message.strip()
    return None


class _Flattener(HTMLParser):
    """Writes the page back out with at most ``depth`` elements open at any point: when one more opens, the start
    tag of the outermost element below the top quarter is taken back (its end tag is then left out too). The
    page's outer frame (html, body, main) and its innermost elements (paragraphs, their links) keep their tags;
    what goes is the middle of a pile of unclosed or nested wrappers."""

    def __init__(self, depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = depth
        self.top = depth // 4  # outer elements never taken back
        self.out: list[str] = []
        self.open: list[tuple[str, int]] = []  # (tag, index of its start tag in out)
        self.taken_back = 0  # open elements whose start tag was taken back: open[top : top + taken_back]
        self.counts: dict[str, int] = {}  # open elements per tag, so that a stray end tag costs no search
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            self.out.append(raw)
            return
        if len(self.open) - self.taken_back >= self.depth:
            _, index = self.open[self.top + self.taken_back]
            self.out[index] = " "  # keep the words on either side apart
            self.taken_back += 1
            self.dropped += 1
        self.open.append((tag, len(self.out)))
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.counts.get(tag):
            self.out.append(f"</{tag}>")  # closes nothing open: left for lxml to ignore
            return
        while True:  # close the elements above the match, as an HTML parser does
            closed, _ = self.open.pop()
            self.counts[closed] -= 1
            if closed == tag:
                break
        position = len(self.open)  # where the closed element was
        taken = self.top <= position < self.top + self.taken_back
        self.taken_back = max(0, min(self.taken_back, position - self.top))
        self.out.append(" " if taken else f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def flatten(html: str, depth: int = MAX_DEPTH) -> tuple[str, int]:
    """``html`` with at most ``depth`` elements open at any point; and how many elements lost their tags."""
    flattener = _Flattener(depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out), flattener.dropped


def parseable(html: str) -> tuple[str, str | None]:
    """``html`` as lxml can parse it whole, and a note for the report when it had to be changed (or could not be
    parsed whole all the same)."""
    limit = parser_limit(html)
    if limit is None:
        return html, None
    if "depth" not in limit.lower():
        return html, f"HTML parser limit reached, part of the page may be missing: {limit}"
    for depth in _RETRIES:
        flat, dropped = flatten(html, depth)
        if parser_limit(flat) is None:
            return flat, (f"HTML nested deeper than lxml parses (256 elements): flattened to {depth} by leaving "
                          f"out the tags of {dropped:,} elements, their text kept")
    return flat, "HTML nested too deep to parse whole even when flattened; part of the page may be missing"
