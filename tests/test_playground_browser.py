"""The playground page in a real browser (headless Chromium driven by Playwright)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading

import pytest

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and os.path.exists(p)),
    None,
)
if CHROMIUM is None:
    pytest.skip("no chromium binary (.ci/run installs Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")

from mitbadak.playground import make_server  # noqa: E402


@pytest.fixture(scope="module")
def base():
    srv = make_server(port=0)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        pg = browser.new_page(viewport={"width": 1280, "height": 820})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors
        yield pg
        browser.close()


def number(page, sel: str) -> float:
    return float(page.inner_text(sel))


def test_playground_page_trains_exports_and_draws(base, page, tmp_path):
    page.goto(f"{base}/?dataset=xor&hidden=4,2&lr=0.1&samples=200&play=1")
    page.wait_for_function("Number(document.querySelector('#epoch').textContent) >= 1")
    page.wait_for_function("document.querySelector('#train-loss').textContent !== '–'")
    first_epoch, first_loss = number(page, "#epoch"), number(page, "#train-loss")
    page.wait_for_function(
        f"Number(document.querySelector('#epoch').textContent) > {first_epoch + 20}"
    )
    page.wait_for_function(
        f"Number(document.querySelector('#train-loss').textContent) < {first_loss}",
        timeout=20000,
    )
    assert page.inner_text("#test-loss") not in ("", "–")
    shot = tmp_path / "playground.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("MITBADAK_SCREENSHOT"):  # to refresh docs/images/playground.png
        shutil.copy(shot, os.environ["MITBADAK_SCREENSHOT"])

    # pause, then a control changes the URL (and the setup restarts at epoch 0)
    page.click("#play")
    page.select_option("#activation", "relu")
    page.wait_for_function("location.search.includes('activation=relu')")
    page.wait_for_function("document.querySelector('#epoch').textContent === '000'")
    page.click("#datasets button[data-ds='spiral']")
    page.wait_for_function("location.search.includes('dataset=spiral')")
    page.fill("#lr", "abc")
    page.press("#lr", "Enter")
    page.dispatch_event("#lr", "change")
    page.wait_for_selector("#message:not([hidden])")
    assert "learning rate" in page.inner_text("#message")
    page.fill("#lr", "0.03")
    page.dispatch_event("#lr", "change")
    page.wait_for_selector("#message", state="hidden")

    # an uploaded CSV: a malformed one gets a message, a good one trains
    page.set_input_files(
        "#csv-file", files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"1,2\n3,4\n"}]
    )
    page.wait_for_function("document.querySelector('#message').textContent.includes('CSV')")
    assert not page.locator("#message").is_hidden()
    rows = "".join(f"{i % 7},{(i * 3) % 5},{int(i % 7 > (i * 3) % 5)}\n" for i in range(40))
    page.set_input_files(
        "#csv-file",
        files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": rows.encode()}],
    )
    page.wait_for_selector("#message", state="hidden")
    page.wait_for_function("location.search.includes('dataset=csv')")
    page.click("#datasets button[data-ds='spiral']")
    page.wait_for_function("location.search.includes('dataset=spiral')")

    # reloading restores the setup from the URL
    url = page.url
    page.goto(url)
    page.wait_for_function("document.querySelector('#epoch').textContent === '000'")
    assert page.input_value("#activation") == "relu"
    assert re.search(r"dataset=spiral", page.url)

    # step, export, run the script: the same loss as the page
    for _ in range(3):
        page.click("#step")
    page.wait_for_function("document.querySelector('#epoch').textContent === '003'")
    page.click("#export")
    page.wait_for_selector("#export-dialog[open]")
    script = page.input_value("#script")
    path = tmp_path / "exported.py"
    path.write_text(script)
    out = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    last = out.strip().splitlines()[-1].split()  # "epoch 3: train loss X  test loss Y"
    assert f"{float(last[4]):.3f}" == page.inner_text("#train-loss")
    page.click("#close-export")

    # digits tab: draw on the canvas and see the probabilities change
    page.click("#tab-digits")
    page.wait_for_selector("#prob-0")
    page.click("#d-step")
    page.wait_for_function("document.querySelector('#d-epoch').textContent === '001'")
    before = page.inner_text("#probs")
    box = page.locator("#draw").bounding_box()
    page.mouse.move(box["x"] + 112, box["y"] + 30)
    page.mouse.down()
    for i in range(1, 20):
        page.mouse.move(box["x"] + 112, box["y"] + 30 + 8 * i)
    page.mouse.up()
    page.wait_for_function(f"document.querySelector('#probs').innerText !== {before!r}")
    # one read of all ten: a later prediction (from the stroke's last moves) may replace the
    # bars between ten separate reads
    texts = page.evaluate("[...document.querySelectorAll('#probs .v')].map(e => e.innerText)")
    probs = [float(t.rstrip("%")) for t in texts]
    assert len(probs) == 10
    assert abs(sum(probs) - 100) < 1.0
    page.click("#confusion td[data-t='1'][data-p='1']")
    page.wait_for_selector("#cell-view canvas")
    assert page.locator("#filters canvas").count() == 16
    assert not page.errors, page.errors


def test_doctor_findings_are_shown_in_plain_words(base, page, monkeypatch):
    import mitbadak.playground.engine as engine
    from test_playground import FakeDoctor

    monkeypatch.setattr(engine, "load_doctor", lambda: FakeDoctor)
    page.goto(f"{base}/?dataset=circle&samples=60")
    page.wait_for_function("document.querySelector('#epoch').textContent === '000'")
    page.click("#step")
    page.click("#step")
    page.wait_for_selector("#findings .finding")
    text = page.inner_text("#findings")
    assert "The loss <fell>." in text and "Fix: Nothing." in text and "epoch 2" in text
