"""Screenshots of built docs pages in headless Chromium, each scrolled to its first figure (docs/figures/site_*.png).

Usage: python tools/docs_screenshots.py [SITE] [OUT] [PAGE ...]
  SITE  a site built by `make docs` (default: _docs);  OUT  where the PNGs go (default: docs/figures)
  PAGE  NAME.html[:N]: a page, scrolled to its N-th figure (default 0; negative counts from the end)
        (default: the stage 03, 06 and 07 notebooks, at a figure of the run section)"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = ["rules_and_flows.html:1", "validate.html:-1", "metrics_report.html:-4"]


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "_docs"); out = Path(argv[1] if len(argv) > 1 else "docs/figures")
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if chromium is None: print("docs_screenshots: error: Chromium is not installed (make browser)", file=sys.stderr); return 2
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = b.new_page(viewport={"width": 1400, "height": 1600})
        for spec in argv[2:] or PAGES:
            name, _, n = spec.partition(":")
            page.goto((site / name).resolve().as_uri())
            img = page.locator(".jp-OutputArea-output img")
            heads = page.locator(".jupyter-wrapper h2")
            # the figure near the top of the shot with the code that drew it above; without one, the last section
            el = (img.nth(int(n or 0) % img.count()) if img.count() else heads.last if heads.count() else None)
            if el is not None:
                page.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - (el.tagName == 'IMG' ? 450 : 80))",
                              el.element_handle())
                page.wait_for_timeout(500)  # the header's title animation
            shot = out / f"site_{Path(name).stem}.png"
            page.screenshot(path=str(shot))
            print(f"{shot}: {img.count()} figures on the page")
        b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
