#!/usr/bin/python3
"""Renders testdata/dialects/html/*.html in four HTML-to-text dialects.

For each page NAME.html this writes testdata/dialects/DIALECT/NAME.txt:

  lynx      lynx -dump -nolist -width=80 (UTF-8)
  w3m       w3m -dump -cols 80 (UTF-8)
  markdown  html2text (Python), body width 80, links ignored
  wet       one line per block element and <br> (a table row is one line,
            its cells separated by a space), whitespace collapsed, no blank
            lines: what BeautifulSoup get_text() pipelines and Common Crawl
            WET files give

Every output then goes through what a crawl pipeline does to text: trailing
blanks are stripped, runs of blank lines become one, and the file ends with
one newline.

Needs the Debian packages lynx w3m python3-bs4 python3-html2text python3-lxml.
Usage: tools/dialects/render.py [--check] [NAME.html ...]
  --check   render and compare with the committed files instead of writing
"""
import argparse
import pathlib
import re
import subprocess
import sys

import bs4
import html2text

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIALECTS_DIR = ROOT / "testdata" / "dialects"

# Elements that start a new line in the WET rendering.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
}
# Table cells: a row is one line, its cells separated by a space.
CELL_TAGS = {"td", "th"}
DROP_TAGS = ["script", "style", "noscript", "template", "head"]


def tidy(text):
    """Trailing blanks stripped, blank-line runs squeezed, one final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render_lynx(path, html):
    return subprocess.run(
        ["lynx", "-dump", "-nolist", "-width=80", "-assume_charset=utf-8",
         "-display_charset=utf-8", "-force_html", str(path)],
        check=True, capture_output=True, text=True).stdout


def render_w3m(path, html):
    return subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80", str(path)],
        check=True, capture_output=True, text=True).stdout


def render_markdown(path, html):
    h = html2text.HTML2Text()
    h.body_width = 80
    h.ignore_links = True
    return h.handle(html)


def render_wet(path, html):
    soup = bs4.BeautifulSoup(html, "lxml")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    lines = []
    current = []

    def flush():
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(node):
        for child in node.children:
            if isinstance(child, bs4.element.Comment) or isinstance(child, bs4.element.Doctype):
                continue
            if isinstance(child, bs4.element.NavigableString):
                current.append(str(child))
            elif child.name == "br":
                flush()
            elif child.name in CELL_TAGS:
                current.append(" ")
                walk(child)
                current.append(" ")
            elif child.name in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(soup)
    flush()
    return "\n".join(lines)


RENDERERS = {"lynx": render_lynx, "w3m": render_w3m, "markdown": render_markdown, "wet": render_wet}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = [pathlib.Path(p) for p in args.pages] or sorted((DIALECTS_DIR / "html").glob("*.html"))
    stale = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for dialect, render in RENDERERS.items():
            text = tidy(render(page, html))
            out = DIALECTS_DIR / dialect / (page.stem + ".txt")
            if args.check:
                if not out.exists() or out.read_text(encoding="utf-8") != text:
                    print(f"stale: {out.relative_to(ROOT)}")
                    stale += 1
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
