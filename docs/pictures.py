"""Regenerate the README's pictures from the commands that draw them.

    python docs/pictures.py            # docs/NAME.svg from its command, then docs/NAME.png
    python docs/pictures.py race       # only the pictures named

Each picture is a `spacetime` command writing an SVG (run against the bundled timeline only, so
that a personal timeline never leaks in); the PNG the README shows is that SVG as a browser draws
it, taken with headless Chromium when one is installed (otherwise the script says so and leaves
the PNG alone). The README quotes each command; tests/test_help.py checks the quote is this one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
PICTURES = {
    "chart": ["chart", "-c", "usa,ussr,china", "--since", "1955", "--width", "130"],
    "race": ["compare", "china", "russia", "usa"],
}
"""Name -> the spacetime arguments that draw it (the README quotes them with --svg docs/NAME.svg)."""
PNG_SIZES = {"chart": (1640, 480), "race": (1080, 940)}


def spacetime(args: list[str]) -> None:
    command = [sys.executable, "-m", "spacetime", *args]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def screenshot(svg: Path, png: Path, size: tuple[int, int]) -> bool:
    """The SVG as headless Chromium draws it, saved as PNG; False when no Chromium is found."""
    browser = next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )
    if browser is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size={size[0]},{size[1]}",
                f"--screenshot={png}",
                svg.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    return True


def main() -> None:
    os.environ.setdefault("SPACETIME_CACHE_DIR", tempfile.mkdtemp(prefix="spacetime-pictures-"))
    chosen = sys.argv[1:] or list(PICTURES)
    for name, args in PICTURES.items():
        if name not in chosen:
            continue
        svg, png = DOCS / f"{name}.svg", DOCS / f"{name}.png"
        spacetime([args[0], "--no-personal", *args[1:], "--svg", str(svg), "--force"])
        print(f"wrote {svg.relative_to(ROOT)}")
        if screenshot(svg, png, PNG_SIZES[name]):
            print(f"wrote {png.relative_to(ROOT)}")
        else:
            print(f"no headless Chromium found: {png.relative_to(ROOT)} left as it was")


if __name__ == "__main__":
    main()
