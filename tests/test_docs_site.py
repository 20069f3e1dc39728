"""The docs site in a real browser: built from this checkout (with stage 01 executed by papermill, so one notebook page
has outputs) and opened in headless Chromium. Skipped where Chromium is not installed (`make browser` installs it)."""
from __future__ import annotations

import ast
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from autocode.core import load_settings, sample_repo
from autocode.docs import build_site
from autocode.pipeline import run_pipeline

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (`make browser` installs it)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [dev] extra")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    "The site of this checkout, its stage 01 page with the outputs of a papermill run (or the site in $AUTOCODE_DOCS_SITE)."
    if os.environ.get("AUTOCODE_DOCS_SITE"): return Path(os.environ["AUTOCODE_DOCS_SITE"])
    tmp = tmp_path_factory.mktemp("docs")
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(sample_repo()), "run.out": str(tmp / "run"), "run.quiet": "true"})
    run_pipeline(s, "01", inline=False)
    return build_site(tmp / "site", root=ROOT, run=tmp / "run").parent


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    "A browser tab that records every request that would leave this machine."
    pg = browser.new_page()
    pg.remote = []
    pg.on("request", lambda r: pg.remote.append(r.url) if urlsplit(r.url).scheme in ("http", "https") else None)
    yield pg
    pg.close()


def test_notebook_page_shows_its_figure_and_highlighted_code(site, page):
    page.goto((site / "index_repo.html").as_uri())
    imgs = page.locator(".jp-OutputArea-output img")
    assert imgs.count() >= 1
    sizes = imgs.evaluate_all("els => els.map(e => [e.naturalWidth, e.getBoundingClientRect().width])")
    assert all(w > 100 and shown > 100 for w, shown in sizes), sizes  # decoded and drawn
    code = "\n".join(page.locator(".jp-InputArea").all_inner_texts())
    assert "def " in code and "#|" not in code  # directive lines hidden
    assert page.locator(".highlight-ipynb .k, .highlight-ipynb .kn").count() > 0  # pygments keyword spans
    assert "Executed notebook" in page.locator(".admonition").first.inner_text()
    assert not page.remote, page.remote
    page.goto((site / "core.html").as_uri())  # no stage, so never in a run: says so instead of showing nothing
    assert "Code only" in page.locator(".admonition").first.inner_text()


def test_sidebar_has_summaries_and_pages_a_table_of_contents(site, page):
    page.goto((site / "validate.html").as_uri())
    subtitles = page.locator(".md-sidebar--primary .md-nav__link small").all_inner_texts()
    assert any(s.startswith("Stage 06:") for s in subtitles), subtitles[:5]
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert len(toc) >= 3


def test_search_finds_a_function_name(site, page):
    page.goto((site / "index.html").as_uri())
    page.locator(".md-search__input").fill("build_site")
    hit = page.locator(".md-search-result__item").filter(has_text="build_site").first
    hit.wait_for(timeout=20_000)
    hit.locator("a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/api/docs.html"), page.url
    assert page.locator("#build_site").count() == 1
    assert not page.remote, page.remote


def test_every_internal_link_resolves(site, page):
    "Crawl from the home page: every link the browser resolves to a file of the site exists, with its anchor."
    todo, ids, links = [(site / "index.html").as_uri()], {}, []
    while todo:
        url = todo.pop()
        if url in ids: continue
        page.goto(url)
        ids[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if not href.startswith("file://"): continue
            base, _, frag = href.partition("#")
            links.append((url, base, unquote(frag)))
            if base.endswith(".html") and base not in ids and Path(unquote(urlsplit(base).path)).exists(): todo.append(base)
    broken = []
    for src, base, frag in links:
        path = Path(unquote(urlsplit(base).path))
        if path.is_dir(): path = path / "index.html"
        if not path.exists(): broken.append(f"{src} -> {base}")
        elif frag and base in ids and frag not in ids[base]: broken.append(f"{src} -> {base}#{frag}")
    assert not broken, broken[:20]
    pages = {p.as_uri() for p in site.rglob("*.html") if p.name != "404.html"}
    assert pages <= set(ids), sorted(pages - set(ids))[:10]  # every page is reachable from the home page
    assert not page.remote, page.remote[:5]


def test_module_docstrings_name_pages_that_exist(site):
    "Each module's docstring names its notebook's page and its API page (nbdev writes it from the notebook)."
    for py in sorted((ROOT / "autocode").rglob("*.py")):   # subpackages too (autocode/lang/…)
        if py.name.startswith("_"): continue
        doc = ast.get_docstring(ast.parse(py.read_text(encoding="utf-8"))) or ""
        pages = re.findall(r"`_docs/([^`]+)`", doc)
        dotted = ".".join(py.relative_to(ROOT / "autocode").with_suffix("").parts)
        assert pages and pages[-1] == f"api/{dotted}.html", (py.name, doc[-200:])
        assert [p for p in pages if not (site / p).exists()] == [], py.name
