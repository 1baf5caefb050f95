"""The review page in a real headless Chromium (Debian's chromium + chromedriver, driven
by selenium) against the real server: load results, correct an entity and the relations,
accept, save, and check the downloaded gold. Missing browser: skip locally, FAIL in CI."""

from __future__ import annotations

import json
import os
import time


from ie.corpus.validate import validate_docs
from ie.docs import Document

GREEN = "The Green iPark project in Thai Binh covers 500 hectares."
HOSTILE = 'Quang Ninh <img src=x onerror="document.body.dataset.pwned=1"> has the Van Don Economic Zone & <b>ports</b>.'


def open_page(drv, server):
    from selenium.webdriver.support.ui import WebDriverWait

    drv.get(server + "/")
    WebDriverWait(drv, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def wait_for(drv, cond, what, timeout=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(drv, timeout).until(lambda d: cond(d), message=f"waited for {what}")


def css(drv, sel):
    from selenium.webdriver.common.by import By

    return drv.find_element(By.CSS_SELECTOR, sel)


def mark(drv, text):
    from selenium.webdriver.common.by import By

    for m in drv.find_elements(By.CSS_SELECTOR, "#text mark.ent"):
        if m.text.startswith(text):
            return m
    raise AssertionError(f"no entity {text!r} on the page")


def select_text(drv, needle):
    """Select ``needle`` in the document text as a mouse drag would, and release."""
    ok = drv.execute_script("""
        const needle = arguments[0], root = document.getElementById('text');
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n; (n = walk.nextNode());) {
          const i = n.data.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i); r.setEnd(n, i + needle.length);
          const s = getSelection(); s.removeAllRanges(); s.addRange(r);
          root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
          return true;
        }
        return false;""", needle)
    assert ok, f"{needle!r} not in the page text"


def press(drv, key):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(drv).send_keys(key).perform()


def status(drv):
    return css(drv, "#status").text


def rel_rows(drv):
    from selenium.webdriver.common.by import By

    return [li.text for li in drv.find_elements(By.CSS_SELECTOR, "#rellist li")]


def test_review_page_correct_and_save(server, browser, tmp_path):
    import httpx
    from selenium.webdriver.common.by import By

    drv = browser
    results = httpx.post(server + "/extract", json={"documents": [
        {"id": "green", "text": GREEN}, {"id": "hostile<b>", "text": HOSTILE}]}).json()["documents"]
    path = tmp_path / "results.jsonl"
    lines = [json.dumps(results[0]), json.dumps({"id": "broken", "error": "ValueError: boom"}), json.dumps(results[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    open_page(drv, server)
    css(drv, "#file").send_keys(str(path))
    wait_for(drv, lambda d: "Loaded 2 documents" in status(d), "the results file to load")
    assert "skipped 1 error line" in status(drv)
    assert [li.get_attribute("data-id") for li in drv.find_elements(By.CSS_SELECTOR, "#doclist li")] == ["green", "hostile<b>"]

    # hostile text is shown as text: no element made from it, no script run
    drv.find_elements(By.CSS_SELECTOR, "#doclist li")[1].click()
    wait_for(drv, lambda d: css(d, "#doctitle").text == "hostile<b>", "the second document")
    assert "<img src=x" in css(drv, "#text").text and "<b>ports</b>" in css(drv, "#text").text
    assert drv.find_elements(By.CSS_SELECTOR, "#text img, #text b, #doclist b") == []
    assert drv.execute_script("return document.body.dataset.pwned") is None

    drv.find_elements(By.CSS_SELECTOR, "#doclist li")[0].click()
    wait_for(drv, lambda d: css(d, "#doctitle").text == "green", "the first document")
    assert [m.get_attribute("data-label") for m in drv.find_elements(By.CSS_SELECTOR, "#text mark.ent")] == ["PROVINCE", "AREA"]
    assert len(drv.find_elements(By.CSS_SELECTOR, "#arcs g.rel")) == 1  # Thai Binh HAS_AREA 500 hectares

    # normalized value on hover
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(drv).move_to_element(mark(drv, "500 hectares")).perform()
    wait_for(drv, lambda d: css(d, "#tip").is_displayed(), "the tooltip")
    assert "hectares: 500" in css(drv, "#tip").text

    # the model missed the park: select part of its name (snaps to whole words), label it FACILITY
    select_text(drv, "reen iPar")
    wait_for(drv, lambda d: "Added T3" in status(d), "the new entity")
    press(drv, "f")
    new = mark(drv, "Green iPark")
    assert new.get_attribute("data-label") == "FACILITY" and new.get_attribute("data-id") == "T3"

    # the area belongs to the park, not the province: remove that relation, add the right ones
    row = drv.find_elements(By.CSS_SELECTOR, "#rellist li")[0]
    assert "HAS_AREA" in row.text and "Thai Binh" in row.text
    row.find_element(By.TAG_NAME, "button").click()
    wait_for(drv, lambda d: rel_rows(d) == [], "the relation to go")
    css(drv, "#link").click()
    mark(drv, "Green iPark").click()
    mark(drv, "500 hectares").click()
    choices = [b.get_attribute("data-rel") for b in drv.find_elements(By.CSS_SELECTOR, "#relchoice button[data-rel]")]
    assert choices == ["HAS_AREA"]  # only what the schema allows from FACILITY to AREA
    css(drv, "#relchoice button[data-rel='HAS_AREA']").click()
    mark(drv, "Green iPark").click()  # click head, press R, click tail
    press(drv, "r")
    mark(drv, "Thai Binh").click()
    css(drv, "#relchoice button[data-rel='LOCATED_IN']").click()
    wait_for(drv, lambda d: len(rel_rows(d)) == 2, "two relations")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#arcs g.rel")) == 2

    # saving before accepting saves nothing; accept, then save downloads validated gold
    css(drv, "#save").click()
    wait_for(drv, lambda d: "Accept at least one document" in status(d), "the refusal")
    css(drv, "#accept").click()
    wait_for(drv, lambda d: "accepted" in css(d, "#doclist li").get_attribute("class"), "acceptance")
    css(drv, "#save").click()
    wait_for(drv, lambda d: "Saved 1 accepted document" in status(d), "the save")
    gold_path = drv.downloads / "gold.jsonl"
    wait_for(drv, lambda d: gold_path.exists() and gold_path.read_text().endswith("\n"), "the download")
    shot = os.environ.get("REVIEW_SCREENSHOT")
    if shot:  # the committed eval/reports/review_page.png comes from here
        drv.find_elements(By.CSS_SELECTOR, "#doclist li")[0].click()
        ActionChains(drv).move_to_element(mark(drv, "500 hectares")).perform()
        time.sleep(0.3)
        drv.save_screenshot(shot)

    docs = [Document.from_json(json.loads(line)) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    assert validate_docs(docs) == []
    assert [d.id for d in docs] == ["green"]  # the unaccepted document is not saved
    d = docs[0]
    spans = {(d.span_text(e), e.label) for e in d.entities}
    assert spans == {("Thai Binh", "PROVINCE"), ("500 hectares", "AREA"), ("Green iPark", "FACILITY")}
    ids = {e.id: d.span_text(e) for e in d.entities}
    assert {(ids[r.head], r.label, ids[r.tail]) for r in d.relations} == {
        ("Green iPark", "HAS_AREA", "500 hectares"), ("Green iPark", "LOCATED_IN", "Thai Binh")}
    assert all(r.score is None for r in d.relations)
    area = next(e for e in d.entities if e.label == "AREA")
    assert area.norm == {"hectares": 500}  # untouched entities keep their normalized value


def test_invalid_correction_is_refused_with_the_reason(server, browser):
    from selenium.webdriver.common.by import By

    drv = browser
    for f in drv.downloads.glob("*"):
        f.unlink()
    open_page(drv, server)
    css(drv, "#paste").send_keys("Thai Binh will develop the Lien Ha Thai Industrial Park covering 300 ha.")
    css(drv, "#run").click()
    wait_for(drv, lambda d: "Extracted" in status(d), "the model's result")
    assert css(drv, "#doctitle").text == "pasted-1"
    # relabel the province as a DATE: its LOCATED_IN relation is no longer allowed
    mark(drv, "Thai Binh").click()
    press(drv, "5")
    assert mark(drv, "Thai Binh").get_attribute("data-label") == "DATE"
    wait_for(drv, lambda d: d.find_elements(By.CSS_SELECTOR, "#rellist li.invalid"), "the relation flagged")
    press(drv, "\ue007")  # Enter accepts
    css(drv, "#save").click()
    wait_for(drv, lambda d: "Not saved (422)" in status(d), "the refusal")
    assert "LOCATED_IN does not allow FACILITY -> DATE" in status(drv)
    assert any("pasted-1" in li.text for li in drv.find_elements(By.CSS_SELECTOR, "#problems li"))
    time.sleep(0.5)
    assert list(drv.downloads.glob("*")) == []
    # delete the entity (Delete key) and its relations go with it; now it saves
    mark(drv, "Thai Binh").click()
    press(drv, "\ue017")
    wait_for(drv, lambda d: "Deleted T1" in status(d), "the deletion")
    press(drv, "\ue007")
    css(drv, "#save").click()
    wait_for(drv, lambda d: "Saved 1" in status(d), "the save")
    empty = css(drv, "#paste")
    empty.clear()
    css(drv, "#run").click()
    wait_for(drv, lambda d: "refused the text (422)" in status(d), "the empty-text refusal")
    assert "'text' is empty" in status(drv)


def test_docs_page_renders_offline(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/docs")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#endpoints details"), "the endpoints")
    paths = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#endpoints code.path")]
    assert {"/extract", "/health", "/labels", "/validate", "/save"} <= set(paths)


