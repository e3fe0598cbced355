#!/usr/bin/python3
"""Derives testdata/dialects/gold/NAME.json from testdata/dialects/html/NAME.html.

The gold is what a careful editor keeps of the page, in the format of
testdata/corpus/gold (see testdata/corpus/README.md). It is read off the HTML,
which marks the main content with one <article> element:

- title: the text of the article's first <h1>;
- language: the <html lang> attribute;
- sections: a new one at each <h1>..<h6> of the article; blocks are the
  article's <p> (paragraph) and <li> (list_item; a nested list's items are
  items of their own, the outer item keeps only its own words); a table row
  is one paragraph of its cells' texts joined by a space, a <caption> is a
  paragraph;
- metadata: author from the byline's class="author" element, date from the
  byline's <time> text, as written;
- boilerplate: every other block of text on the page, in page order, each
  piece listed once: everything outside the article, and inside it the
  byline (class "byline"), a forum post's header (class "post-meta"), <figure> (caption and image), <aside>, <nav>,
  <form>, <button> and <footer>; an image's alt text is a piece of its own;
- duplicates: a content block that repeats an earlier one (whitespace
  collapsed) is listed once and not repeated in sections; a piece of
  furniture that repeats a content block (a pull quote) is a duplicate too.

Text is split into blocks the way tools/dialects/render.py splits it for the
WET rendering, so that a gold text is one line of that rendering.

Usage: tools/dialects/gold.py [--check] [NAME.html ...]
"""
import argparse
import collections
import json
import pathlib
import re
import sys

import bs4

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIALECTS_DIR = ROOT / "testdata" / "dialects"
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from render import BLOCK_TAGS, CELL_TAGS, DROP_TAGS  # noqa: E402

FURNITURE_TAGS = {"figure", "aside", "nav", "form", "button", "footer"}
# A forum post's header ("Beitrag von NAME » DATE") is furniture, like a byline.
FURNITURE_CLASSES = {"byline", "post-meta"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def leaf_blocks(soup):
    """(text, kind, furniture) for each block of text, in page order.

    kind is heading, list_item, paragraph or image; furniture is true outside
    the article and in its furniture."""
    blocks = []
    current = []
    state = {"kind": "paragraph", "furniture": True}

    def flush():
        text = collapse("".join(current))
        if text:
            blocks.append((text, state["kind"], state["furniture"]))
        current.clear()

    def walk(node, kind, furniture):
        for child in node.children:
            if isinstance(child, (bs4.element.Comment, bs4.element.Doctype)):
                continue
            if isinstance(child, bs4.element.NavigableString):
                if not current:
                    state["kind"], state["furniture"] = kind, furniture
                current.append(str(child))
                continue
            name = child.name
            child_furniture = furniture
            if name == "article":
                child_furniture = False
            elif name in FURNITURE_TAGS or FURNITURE_CLASSES & set(child.get("class") or []):
                child_furniture = True
            if name == "img":
                alt = collapse(child.get("alt", ""))
                if alt:
                    blocks.append((alt, "image", True))
            elif name == "br":
                flush()
            elif name in CELL_TAGS:
                current.append(" ")
                walk(child, kind, child_furniture)
                current.append(" ")
            elif name in BLOCK_TAGS:
                flush()
                child_kind = kind
                if name in HEADINGS:
                    child_kind = "heading"
                elif name == "li":
                    child_kind = "list_item"
                elif name in ("p", "tr", "caption", "td", "th"):
                    child_kind = "paragraph"
                walk(child, child_kind, child_furniture)
                flush()
            else:
                walk(child, kind, child_furniture)

    walk(soup, "paragraph", True)
    return blocks


def derive(html):
    soup = bs4.BeautifulSoup(html, "lxml")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    article = soup.find("article")
    if article is None:
        raise ValueError("no <article>")
    h1 = article.find("h1")
    metadata = {}
    byline = article.find(class_="byline")
    if byline is not None:
        author = byline.find(class_="author")
        if author is not None:
            metadata["author"] = collapse(author.get_text())
        time = byline.find("time")
        if time is not None:
            metadata["date"] = collapse(time.get_text())

    sections = []
    content = collections.Counter()
    furniture_texts = []
    duplicates = []
    for text, kind, furniture in leaf_blocks(soup):
        if furniture:
            furniture_texts.append(text)
            continue
        if content[text] > 0:
            if text not in duplicates:
                duplicates.append(text)
            continue
        content[text] += 1
        if kind == "heading":
            sections.append({"heading": text, "blocks": []})
            continue
        if not sections:
            sections.append({"heading": None, "blocks": []})
        block_type = "list_item" if kind == "list_item" else "paragraph"
        sections[-1]["blocks"].append({"type": block_type, "text": text})

    boilerplate = []
    for text in furniture_texts:
        if content[text] > 0:
            if text not in duplicates:
                duplicates.append(text)
        elif text not in boilerplate:
            boilerplate.append(text)

    return {
        "title": collapse(h1.get_text()) if h1 is not None else None,
        "language": soup.html.get("lang", "").split("-")[0],
        "sections": sections,
        "metadata": metadata,
        "boilerplate": boilerplate,
        "duplicates": duplicates,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = [pathlib.Path(p) for p in args.pages] or sorted((DIALECTS_DIR / "html").glob("*.html"))
    stale = 0
    for page in pages:
        gold = json.dumps(derive(page.read_text(encoding="utf-8")), ensure_ascii=False, indent=1) + "\n"
        out = DIALECTS_DIR / "gold" / (page.stem + ".json")
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != gold:
                print(f"stale: {out.relative_to(ROOT)}")
                stale += 1
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(gold, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
