"""Main text and metadata from an HTML page: trafilatura first, a plain lxml walk as fallback."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from tacitus.ingest.dates import normalise_date
from tacitus.ingest.nesting import parseable

log = logging.getLogger(__name__)

_LOOKS_HTML = re.compile(
    r"<!doctype\s+html|<(?:html|head|body|article|p|div|br|h[1-6]|meta|title)\b[^>]*>", re.IGNORECASE
)
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside",
    "form", "button", "select", "option", "figure", "figcaption", "head",
}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "body", "center", "address",
}
# <meta> names and properties that carry the publication date, the site name, the title, the address.
_DATE_META = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
    "dc.date.issued", "dcterms.created", "og:published_time", "sailthru.date", "parsely-pub-date",
)
_PUBLISHER_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_TITLE_META = ("og:title", "twitter:title", "dc.title")


@dataclass
class ExtractedPage:
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None
    note: str | None = None  # set when the page had to be changed to be parsed (see nesting.py)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` has HTML markup."""
    return bool(_LOOKS_HTML.search(text[:4096]))


def extract(html: str, url: str | None = None) -> ExtractedPage:
    """Main text, title, publication date, publisher and canonical URL of one page.

    Uses trafilatura; when it finds no main text (small or broken pages) the visible text of the body
    is taken instead, so the result has ``text == ""`` only when the page has no text at all. A page nested deeper
    than lxml parses is flattened first, with a ``note``.
    """
    html, note = parseable(html)
    page = _with_trafilatura(html, url)
    if page is not None and page.text.strip():
        page.note = note
        return page
    fallback = _with_lxml(html)
    fallback.note = note
    if page is not None:  # keep trafilatura's metadata, take the fallback's text
        fallback.title = page.title or fallback.title
        fallback.date = page.date or fallback.date
        fallback.publisher = page.publisher or fallback.publisher
        fallback.url = page.url or fallback.url
    if url and not fallback.url:
        fallback.url = url
    return fallback


def _with_trafilatura(html: str, url: str | None) -> ExtractedPage | None:
    try:
        import trafilatura
    except ImportError as exc:  # a broken install must not stop ingest: fall back to lxml
        log.warning("trafilatura unavailable (%s); using plain HTML text extraction", exc)
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            # no free-text date guessing: a date in the body is an event date, not the publication date
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - any extractor failure falls back to the lxml walk
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return ExtractedPage(
        text=get("text") or "",
        title=_clean_meta(get("title")),
        date=normalise_date(get("date")),
        publisher=_clean_meta(get("sitename")),
        url=_clean_meta(get("url")) or url,
    )


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    flat = " ".join(value.split())
    return flat or None


def _with_lxml(html: str) -> ExtractedPage:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ExtractedPage(text="")
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    title = next((metas[k] for k in _TITLE_META if k in metas), None)
    if title is None:
        node = root.find(".//title")
        title = node.text_content() if node is not None else None
    date = next((d for d in (normalise_date(metas[k]) for k in _DATE_META if k in metas) if d), None)
    if date is None:
        for node in root.iter("time"):
            date = normalise_date(node.get("datetime") or "")
            if date:
                break
    canonical = next((link.get("href") for link in root.iter("link") if link.get("rel") == "canonical"), None)
    pieces: list[str] = []
    body = root.find("body")
    _walk(body if body is not None else root, pieces)
    text = re.sub(r"\n{3,}", "\n\n", "".join(pieces)).strip()
    return ExtractedPage(
        text=text,
        title=_clean_meta(title),
        date=date,
        publisher=_clean_meta(next((metas[k] for k in _PUBLISHER_META if k in metas), None)),
        url=_clean_meta(canonical or metas.get("og:url")),
    )


def _walk(node, pieces: list[str]) -> None:
    """Append the visible text under ``node``, with blank lines around block elements."""
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    if not tag:  # comments and processing instructions: keep only their tail
        if node.tail:
            pieces.append(node.tail)
        return
    if tag in _SKIP_TAGS:
        if node.tail:
            pieces.append(node.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        pieces.append("\n\n")
    if tag == "br":
        pieces.append("\n")
    if node.text:
        pieces.append(node.text)
    for child in node:
        _walk(child, pieces)
    if block:
        pieces.append("\n\n")
    if node.tail:
        pieces.append(node.tail)
