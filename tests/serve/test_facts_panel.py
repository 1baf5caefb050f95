"""GET /facts and the review page's facts panel over a real facts store (issue 14: the
review page shows the same table as `ie facts`)."""

import pytest

from tests.serve.test_browser import open_page, wait_for


def test_facts_endpoint_groups_the_store_and_marks_the_conflict(facts_server):
    import httpx

    r = httpx.get(facts_server + "/facts", params={"province": "Bac Ninh"})
    assert r.status_code == 200
    subjects = {s["subject"]: s for s in r.json()["facts"]}
    park = subjects["Yen Phong Industrial Park"]
    areas = [f for f in park["facts"] if f["attribute"] == "area"]
    assert sorted(f["number"] for f in areas) == [658.0, 660.0]
    assert all(f["conflict"] for f in areas)  # two values side by side, none dropped
    assert {s["document"] for f in areas for s in f["sources"]} == {"a", "b"}
    assert httpx.get(facts_server + "/facts").status_code == 422


def test_without_a_store_facts_is_a_clear_404(server):
    import httpx

    r = httpx.get(server + "/facts", params={"province": "Bac Ninh"})
    assert r.status_code == 404 and "--db" in r.json()["detail"]


def test_the_page_shows_the_facts_table(facts_server, browser):
    from selenium.webdriver.common.by import By

    open_page(browser, facts_server)
    browser.find_element(By.ID, "factsprov").send_keys("Bac Ninh")
    browser.find_element(By.ID, "factsgo").click()
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#factstable tbody tr")) >= 2, "facts rows")
    text = browser.find_element(By.ID, "factstable").text
    assert "Yen Phong Industrial Park" in text and "658" in text and "660" in text


pytestmark = pytest.mark.timeout(300)
