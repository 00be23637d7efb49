"""`spacetime compare NATIONS --svg FILE` / `--html FILE`: the milestone race as a picture, read
back as XML (rows, markers, stars, lags, escaping) and, where Debian's `chromium` is installed,
drawn by headless Chromium to a PNG that is not blank."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import MINI, Run

Cli = Callable[..., Run]
SVG = "{http://www.w3.org/2000/svg}"
TRICKY = """format: spacetime/1
events:
  - id: tricky-orbit
    date: 1956-05-01
    title: A <b>bold</b> & "quoted" claim
    countries: [IN]
    category: satellite
    status: achieved
    milestones: [first-satellite]
    mission: <script>alert(1)</script>
    sources: [https://example.org/tricky]
"""


def texts(root: ElementTree.Element, tag: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}{tag}")]


def lags(root: ElementTree.Element) -> list[dict[str, str]]:
    """Per row, each nation's lag as the column at the right gives it."""
    rows: dict[str, dict[str, str]] = {}
    for e in root.iter(f"{SVG}text"):
        if e.get("class") == "lag":
            rows.setdefault(str(e.get("y")), {})[str(e.get("data-nation"))] = e.text or ""
    return list(rows.values())


def draw(cli: Cli, tmp_path: Path, *args: str) -> ElementTree.Element:
    svg = tmp_path / "race.svg"
    result = cli("compare", *args, "--svg", str(svg), "--force")
    assert result.code == 0, result.err
    assert f"saved {svg}" in result.err
    return ElementTree.parse(svg).getroot()  # well-formed XML, or this raises


def test_one_row_per_milestone_a_marker_per_nation(cli: Cli, tmp_path: Path) -> None:
    root = draw(cli, tmp_path, "usa", "ussr", "--no-bundled", "--data", str(MINI))
    labels = texts(root, "text")
    assert "First satellite" in labels and "First human in space" in labels
    titles = texts(root, "title")
    assert "World first: Soviet Union, 4 Oct 1957 (Sputnik 1 launched)" in titles
    assert "United States: 1 Feb 1958, Explorer 1 launched (+3 m)" in titles
    assert "Soviet Union: 4 Oct 1957, Sputnik 1 (★)" in titles
    assert lags(root)[0] == {"US": "+3 m", "SU": "★"}  # the first satellite's row
    assert len(lags(root)) == len([t for t in labels if t.startswith("First ")])


def test_lags_under_a_month_read_in_days(cli: Cli, tmp_path: Path) -> None:
    root = draw(cli, tmp_path, "usa", "ussr", "--no-launches")
    assert {"US": "+23 d", "SU": "★"} in lags(root)  # Shepard, 23 days after Gagarin


def test_text_from_the_data_is_escaped(cli: Cli, tmp_path: Path) -> None:
    tricky = tmp_path / "tricky.yaml"
    tricky.write_text(TRICKY)
    base = ("india", "usa", "--no-bundled", "--data", str(MINI), "--data", str(tricky))
    root = draw(cli, tmp_path, *base)
    assert 'World first: India, 1 May 1956 (A <b>bold</b> & "quoted" claim)' in texts(root, "title")
    html = tmp_path / "race.html"
    assert cli("compare", *base, "--html", str(html)).code == 0
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_never_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    svg = tmp_path / "race.svg"
    svg.write_text("mine")
    result = cli("compare", "usa", "ussr", "--svg", str(svg))
    assert result.code == 2
    assert svg.read_text() == "mine"


def painted(png: Path) -> set[bytes]:
    """The distinct pixels of a PNG (8-bit RGB or RGBA, as Chromium writes), read with zlib."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, _, depth, colour = struct.unpack(">IIBB", header[:10])
    size = {2: 3, 6: 4}[colour] * depth // 8
    raw = zlib.decompress(idat)
    stride = width * size + 1
    # the filter byte of each row aside, sample pixels of unfiltered-looking bytes: enough to tell
    # a blank page (one colour) from a drawing
    return {
        raw[i : i + size]
        for row in range(0, len(raw), stride)
        for i in range(row + 1, row + stride, size * 7)
    }


BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)


@pytest.mark.slow
@pytest.mark.skipif(BROWSER is None, reason="headless Chromium is not installed (Debian: chromium)")
@pytest.mark.parametrize("suffix", ["svg", "html"])
def test_a_browser_draws_it(cli: Cli, tmp_path: Path, suffix: str) -> None:
    picture = tmp_path / f"race.{suffix}"
    assert cli("compare", "china", "russia", "usa", f"--{suffix}", str(picture)).code == 0
    png = tmp_path / "race.png"
    assert BROWSER is not None
    subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,900",
         f"--screenshot={png}", picture.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert len(painted(png)) > 10  # more than a blank page's one colour
