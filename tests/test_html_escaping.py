"""Text is plain text wherever a format renders HTML (TimelineJS, the HTML and SVG charts): markup
and script in every text field come out as text, as a real HTML or XML parser reads them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Run

Cli = Callable[..., Run]
NAME = "<script>x</script>"  # short enough to be a whole lane label of the chart
TITLE = "<img src=x onerror=alert(2)> & <b>bold</b>"
SUMMARY = "<script>alert(3)</script> \"quoted\" 'single' &amp;"
URL = 'https://example.org/a?b="><script>alert(4)</script>'
EVIL = f"""\
format: spacetime/1
entities:
  - code: XEVIL
    name: '{NAME}'
    kind: organization
categories:
  - code: evil
    name: '<i>category</i>'
    definition: '<b>definition</b>'
events:
  - id: evil-one
    date: 1960-05-01
    title: '{TITLE}'
    summary: '{SUMMARY.replace("'", "''")}'
    countries: [XEVIL]
    agencies: ['<i>agency</i>']
    category: evil
    mission: '<u>mission</u>'
    vehicle: '<s>vehicle</s>'
    note: '<em>note</em>'
    tags: [tag]
    sources: ['{URL}']
  - id: evil-plan
    date: 2031
    status: planned
    confirmed: 2025
    title: '</p><script>alert(5)</script>'
    countries: [XEVIL]
    sources: ['https://example.org/<b>']
"""


class Reader(HTMLParser):
    """The elements and the text a browser would see in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str | None] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    path = tmp_path / "evil.yaml"
    path.write_text(EVIL, encoding="utf-8")
    return path


def test_timelinejs_shows_markup_in_every_text_field_as_text(cli: Cli, evil: Path) -> None:
    result = cli("export", "timelinejs", "--no-bundled", "--data", str(evil))
    assert result.code == 0
    slides = {s["unique_id"]: s for s in result.json()["events"]}
    assert set(slides) == {"evil-one", "evil-plan"}
    one, plan = slides["evil-one"], slides["evil-plan"]
    headline = read(one["text"]["headline"])
    assert (headline.tags, headline.text) == ([], TITLE)
    body = read(one["text"]["text"])
    assert body.tags == ["p", "p", "a"] and body.hrefs == [URL]
    assert body.text == f"{SUMMARY}source 1"
    group = read(one["group"])
    assert (group.tags, group.text) == ([], NAME)
    planned = read(plan["text"]["headline"])
    assert (planned.tags, planned.text) == ([], "</p><script>alert(5)</script>")
    assert read(plan["text"]["text"]).hrefs == ["https://example.org/<b>"]
    assert read(plan["display_date"]).text == "planned 2031"


def test_the_event_chart_pictures_show_markup_as_text(cli: Cli, evil: Path, tmp_path: Path) -> None:
    svg, html = tmp_path / "chart.svg", tmp_path / "chart.html"
    result = cli(
        "chart", "--no-bundled", "--data", str(evil), "--svg", str(svg), "--html", str(html)
    )
    assert result.code == 0
    root = ET.parse(svg).getroot()
    names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert names.isdisjoint({"script", "img", "b", "foreignObject"})
    texts = [
        "".join(t.itertext()).replace("\xa0", " ") for t in root.iter() if t.tag.endswith("}text")
    ]
    assert NAME in texts
    page = read(html.read_text(encoding="utf-8"))
    assert "script" not in page.tags and NAME in page.text


def test_the_launch_chart_pictures_show_markup_as_text() -> None:
    from spacetime.launches.cadence import Series
    from spacetime.output.launchchart import chart_html, chart_svg

    series = [Series("XEVIL", NAME, {1999: 2, 2000: 1}), Series(None, TITLE, {2000: 1})]
    picture = chart_svg([1999, 2000], series, f"Launches {TITLE}")
    root = ET.fromstring(picture)
    names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert names == {"svg", "rect", "line", "text", "title"}
    texts = ["".join(t.itertext()) for t in root.iter() if t.tag.endswith("}text")]
    assert f"Launches {TITLE}" in texts and NAME in texts and TITLE in texts
    page = read(chart_html(picture, f"Launches {TITLE}"))
    assert "script" not in page.tags and "img" not in page.tags
    assert f"Launches {TITLE}" in page.text and NAME in page.text
