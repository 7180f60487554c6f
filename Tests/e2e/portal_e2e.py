#!/usr/bin/env python3
"""End-to-end test of `followup serve` in a real browser (Debian's chromium, driven by
Playwright; no browser download). Usage: portal_e2e.py BASE_URL OUTPUT_DIR PASSWORD

A unit (bqlda) logs in, lands on its page, reports its task done with a note and a PDF; the
office (vp) sees it waiting on /review with the file one click away, returns it with a note;
the unit sees the note first on its page and reports again; the office accepts; the digest
counts it done. Screenshots (the review queue and the returned unit page at 360x740 and
1366x768, and more) go to OUTPUT_DIR for review."""
import os
import sys

from playwright.sync_api import sync_playwright

TASK = "2026-11-16-thu-ngan-sach-giai-ngan#2"
NOTE = "Đã gửi hồ sơ thanh toán cho Kho bạc (e2e)"


def main() -> int:
    base, out, password = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox"])
        sizes(browser, base, out, password)
        unit = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        unit.goto(base + "/")
        assert "/login" in unit.url, unit.url
        unit.fill("input[name=name]", "bqlda")
        unit.fill("input[name=password]", password)
        unit.click("button[type=submit]")
        assert unit.url.endswith("/units/BQLDA"), unit.url
        unit.screenshot(path=os.path.join(out, "unit-before.png"), full_page=True)
        form = unit.locator("form.update").first
        # The form sits in a text cell that keeps line breaks (pre-wrap); it must not take the
        # template's own line breaks as blank lines (it was ~310 px tall; with the file field,
        # three rows are ~130).
        height = form.bounding_box()["height"]
        assert height < 200, f"the report form is {height} px tall"
        # The unit reports done with its evidence: a PDF (#26). Dated today: the phone's report
        # above is dated today, and a done back-dated before it would be overtaken by it.
        pdf = os.path.join(out, "Biên bản nghiệm thu.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        form.locator("select[name=status]").select_option("done")
        form.locator("input[name=note]").fill(NOTE)
        form.locator("input[name=files]").set_input_files(pdf)
        form.locator("button[type=submit]").click()
        assert "/units/BQLDA?saved=" in unit.url, unit.url
        assert "Đã ghi cho" in unit.content()
        assert NOTE in unit.content(), "the note is not on the unit page"
        unit.screenshot(path=os.path.join(out, "unit-after.png"), full_page=True)

        office = browser.new_context(locale="vi-VN").new_page()
        office.set_viewport_size({"width": 1280, "height": 900})
        office.goto(base + "/login")
        office.fill("input[name=name]", "vp")
        office.fill("input[name=password]", password)
        office.click("button[type=submit]")
        assert office.url.rstrip("/") == base, office.url
        office.screenshot(path=os.path.join(out, "dashboard.png"), full_page=True)
        assert "Tổng cộng" in office.content()
        office.locator("a[href^='/units/BQLDA']").first.click()
        office.screenshot(path=os.path.join(out, "office-unit.png"), full_page=True)
        office.goto(base + "/tasks/" + TASK.replace("#", "%23"))
        page = office.content()
        assert NOTE in page, "the office does not see the unit's report"
        assert "hoàn thành" in page
        # With review: true (the sample), the unit's done waits for the office (#26).
        assert "chờ xác nhận" in page, "the unit's done does not wait for review"
        office.screenshot(path=os.path.join(out, "task.png"), full_page=True)
        # The queue: the report waits, its file one click away; the file downloads as itself.
        office.goto(base + "/review")
        assert NOTE in office.content(), "the report is not on the office's queue"
        link = office.locator("a[href^='/files/']").first
        assert link.inner_text().endswith("-bien-ban-nghiem-thu.pdf"), link.inner_text()
        got = office.request.get(base + link.get_attribute("href"))
        assert got.status == 200 and got.body().startswith(b"%PDF-"), got.status
        assert got.headers["content-disposition"].startswith("attachment"), got.headers
        shots(office, out, "review")
        # Returned with a note.
        back = "Thiếu chữ ký của đại diện nhà thầu (e2e)"
        ret = office.locator("form[action$='/review']").filter(has=office.locator("input[name=note]")).first
        ret.locator("input[name=note]").fill(back)
        ret.locator("button[type=submit]").click()
        assert "Đã ghi" in office.content()
        # The unit sees it first on its page, with the note, and reports again (dated today).
        unit.goto(base + "/units/BQLDA")
        first = unit.locator("table.cards tbody tr").first
        assert back in first.inner_text(), first.inner_text()
        assert "bị trả lại" in first.inner_text()
        shots(unit, out, "unit-returned")
        form = first.locator("form.update")
        form.locator("select[name=status]").select_option("done")
        form.locator("input[name=note]").fill(NOTE + " — đã bổ sung chữ ký")
        form.locator("input[name=files]").set_input_files(pdf)
        form.locator("button[type=submit]").click()
        assert "/units/BQLDA?saved=" in unit.url, unit.url
        # The office accepts: done as of the unit's date; the digest counts it so.
        office.goto(base + "/review")
        office.locator("form[action$='/review'] input[value=accept] ~ button").first.click()
        assert "Đã ghi" in office.content()
        office.goto(base + "/tasks/" + TASK.replace("#", "%23"))
        assert "Văn phòng xác nhận hoàn thành" in office.content()
        shots(office, out, "task-accepted")
        digest = office.request.get(base + "/digest.json?as_of=2026-11-30").json()
        done = [i for i in digest["completed_since"] if i["id"] == TASK]
        assert done and done[0]["done_date"] == "2026-11-30", done
        browser.close()
    print("e2e: ok")


def shots(page, out, name):
    """The page at a phone's 360x740 and at 1366x768, as NAME-360.png and NAME-1366.png."""
    for width, height in [(360, 740), (1366, 768)]:
        page.set_viewport_size({"width": width, "height": height})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} at {width}px is {scroll}px wide"
        page.screenshot(path=os.path.join(out, f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


PAGES = {
    "dashboard": "/", "unit": "/units/BQLDA", "task": "/tasks/" + TASK.replace("#", "%23"),
    "list": "/lists/overdue", "meeting": "/meetings/2026-11-16-thu-ngan-sach-giai-ngan", "account": "/account",
    "not-found": "/units/KHONG-CO",
}


def sizes(browser, base, out, password):
    """Every page at 360x740 (a phone, by touch) and 1366x768, for each role: no horizontal
    scroll; on the phone the unit's report form is reached and sent by tapping, and a refused
    form keeps what was typed. Screenshots of every page at both sizes go to OUT."""
    for width, height in [(360, 740), (1366, 768)]:
        for who in ["bqlda", "vp", "ld"]:
            ctx = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                      has_touch=width < 700, is_mobile=width < 700)
            page = ctx.new_page()
            page.goto(base + "/login")
            page.screenshot(path=os.path.join(out, f"login-{width}.png"))
            page.fill("input[name=name]", who)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]")
            for name, path in PAGES.items():
                page.goto(base + path)
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{who} {name} at {width}px is {scroll}px wide"
                page.screenshot(path=os.path.join(out, f"{who}-{name}-{width}.png"), full_page=True)
            if who == "bqlda" and width == 360:
                phone_report(page, base, out)
            ctx.close()


def phone_report(page, base, out):
    page.goto(base + "/units/BQLDA")
    form = page.locator("form.update").first
    note = "Báo cáo từ điện thoại (e2e)"
    # A date the server refuses (the form's own limit taken off, as an old browser would ignore it).
    page.evaluate("document.querySelector('form.update input[name=date]').removeAttribute('max')")
    form.locator("input[name=date]").fill("2030-01-01")
    form.locator("input[name=note]").tap()
    form.locator("input[name=note]").fill(note)
    form.locator("select[name=status]").select_option("in_progress")
    with page.expect_navigation():
        form.locator("button[type=submit]").tap()
    html = page.content()
    assert note in html, "the refused form lost the note"
    assert 'role="alert"' in html, "no reason beside the refused form"
    page.screenshot(path=os.path.join(out, "phone-refused.png"), full_page=True)
    form = page.locator("form.update").first
    form.locator("input[name=date]").fill("")
    page.evaluate("document.querySelector('form.update input[name=date]').value = ''")
    with page.expect_navigation():
        form.locator("button[type=submit]").tap()
    assert "Đã ghi cho" in page.content(), "no word that the report was recorded"
    page.screenshot(path=os.path.join(out, "phone-saved.png"), full_page=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
