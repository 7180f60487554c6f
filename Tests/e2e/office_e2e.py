#!/usr/bin/env python3
"""The office's pages in a real browser (#27): Debian's chromium driven by Playwright.
Usage: office_e2e.py BASE_URL OUTPUT_DIR PASSWORD NOTICE_FILE

At 360x740 (a phone, by touch) and 1366x768: the task search with its filters, the office's
pages, and a unit page filtered, without horizontal scroll, each screenshot to OUTPUT_DIR.
Then, at 1366x768, the office creates a meeting from the form (first refused, the input
kept), uploads NOTICE_FILE, edits the draft and saves it, adds an account; that account
logs in and changes its password. The test that runs this compares the meeting's file with
`followup new` + hand edits and runs `followup check`."""
import os
import sys

from playwright.sync_api import sync_playwright

HUNG = "Phan Văn Giáp"
PAGES = {
    "search": "/tasks?as_of=2026-11-30&state=overdue",
    "search-chair": "/tasks?chair=phan%20van%20giap&from=2026-01-01&q=ho%20so",
    "unit-filtered": "/units/TNMT?as_of=2026-11-30&state=open",
    "list-filtered": "/lists/overdue?as_of=2026-11-30&chair=phan%20van%20giap",
    "office": "/office", "new-meeting": "/office/meetings/new", "notice": "/office/notices",
    "accounts": "/office/accounts",
}
ROW0 = "Phòng Tài nguyên và Môi trường rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng."
ROW1 = 'Văn phòng HĐND và UBND huyện theo dõi, đôn đốc "một cửa" hằng tuần.'


def login(browser, base, name, password, width, height):
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                              has_touch=width < 700, is_mobile=width < 700)
    page = ctx.new_page()
    page.goto(base + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("form[action='/login'] button[type=submit]")
    return ctx, page


def no_scroll(page, width, what):
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{what} at {width}px is {scroll}px wide"


def shot(page, out, name):
    page.screenshot(path=os.path.join(out, name + ".png"), full_page=True)


def main() -> int:
    base, out, password, notice = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox"])
        for width, height in [(360, 740), (1366, 768)]:
            ctx, page = login(browser, base, "vp", password, width, height)
            for name, path in PAGES.items():
                page.goto(base + path)
                no_scroll(page, width, name)
                shot(page, out, f"office-{name}-{width}")
            ctx.close()
            # A leader sees the search too (and no office link).
            ctx, page = login(browser, base, "ld", password, width, height)
            page.goto(base + "/tasks?chair=" + HUNG)
            no_scroll(page, width, "leader search")
            assert "Kết luận do Phan Văn Giáp chủ trì" in page.content()
            assert "/office" not in page.content()
            shot(page, out, f"leader-search-{width}")
            ctx.close()
        ctx, page = login(browser, base, "vp", password, 1366, 768)
        new_meeting(page, base, out)
        import_notice(page, base, out, notice)
        accounts(browser, page, base, out, password)
        ctx.close()
        browser.close()
    print("office e2e: ok")
    return 0


def new_meeting(page, base, out):
    page.goto(base + "/office/meetings/new")
    form = page.locator("form[action='/office/meetings/new']")
    form.locator("select[name=template]").select_option("giao-ban")
    form.locator("input[name=title]").fill("Giao ban tuần 49")
    form.locator("input[name=date]").fill("2026-12-07")
    form.locator("input[name=document]").fill("250/TB-UBND")
    form.locator("input[name=chair]").fill("Phan Văn Giáp, Chủ tịch UBND huyện")
    form.locator("input[name=place]").fill("Phòng họp số 1")
    form.locator("textarea[name='rows[r0][text]']").fill(ROW0)
    form.locator("input[name='rows[r0][support]']").fill("TCKH, Văn phòng HĐND và UBND huyện")
    form.locator("input[name='rows[r0][due]']").fill("2026-12-20")
    form.locator("textarea[name='rows[r1][text]']").fill(ROW1)
    form.locator("select[name='rows[r1][owner]']").select_option("VP")
    form.locator("input[name='rows[r1][ongoing]']").check()
    # Row 1 has no lead unit yet: refused, everything typed kept, the reason beside the row.
    with page.expect_navigation():
        form.locator("button:not([name=more])").click()
    html = page.content()
    assert "Cần đơn vị chủ trì." in html, "no reason beside the row"
    assert page.locator("textarea[name='rows[r0][text]']").input_value() == ROW0
    assert page.locator("input[name=title]").input_value() == "Giao ban tuần 49"
    assert page.locator("input[name='rows[r1][ongoing]']").is_checked()
    shot(page, out, "office-meeting-refused-1366")
    form = page.locator("form[action='/office/meetings/new']")
    form.locator("select[name='rows[r0][owner]']").select_option("TNMT")
    with page.expect_navigation():
        form.locator("button:not([name=more])").click()
    assert page.url.endswith("/meetings/2026-12-07-giao-ban-tuan-49?saved=1"), page.url
    assert "Đã ghi biên bản" in page.content()
    shot(page, out, "office-meeting-saved-1366")


def import_notice(page, base, out, notice):
    page.goto(base + "/office/notices")
    page.set_input_files("input[name=file]", notice)
    with page.expect_navigation():
        page.click("form[action='/office/notices'] button[type=submit]")
    draft = page.locator("textarea[name=text]")
    text = draft.input_value()
    assert "id: 2022-04-29-hoi-nghi-ra-soat-danh" in text, text[:300]
    shot(page, out, "office-draft-1366")
    # Saved as drafted: refused (deadlines still TODO), the text kept.
    with page.expect_navigation():
        page.click("form[action='/office/notices/save'] button[type=submit]")
    assert "thời hạn không hợp lệ" in page.content()
    assert page.locator("textarea[name=text]").input_value() == text
    shot(page, out, "office-draft-refused-1366")
    edited = text.replace("due: TODO", "due: thường xuyên").replace("owner: TODO", "owner: VP")
    page.locator("textarea[name=text]").fill(edited)
    with page.expect_navigation():
        page.click("form[action='/office/notices/save'] button[type=submit]")
    assert page.url.endswith("/meetings/2022-04-29-hoi-nghi-ra-soat-danh?saved=1"), page.url
    shot(page, out, "office-notice-saved-1366")


def accounts(browser, page, base, out, password):
    page.goto(base + "/office/accounts")
    page.locator("summary", has_text="Thêm tài khoản").click()
    add = page.locator("form[action='/office/accounts']")
    add.locator("input[name=name]").fill("e2e-tnmt")
    add.locator("select[name=role]").select_option("unit")
    add.locator("select[name=unit]").select_option("TNMT")
    add.locator("input[name=password]").fill("mat-khau-e2e-1")
    add.locator("input[name=repeated]").fill("mat-khau-e2e-1")
    with page.expect_navigation():
        add.locator("button[type=submit]").click()
    assert "Đã lưu tài khoản e2e-tnmt" in page.content()
    shot(page, out, "office-accounts-added-1366")
    ctx, unit = login(browser, base, "e2e-tnmt", "mat-khau-e2e-1", 360, 740)
    assert unit.url.endswith("/units/TNMT"), unit.url
    unit.goto(base + "/account")
    unit.fill("input[name=current]", "mat-khau-e2e-1")
    unit.fill("input[name=new]", "mat-khau-e2e-2")
    unit.fill("input[name=repeated]", "mat-khau-e2e-2")
    with unit.expect_navigation():
        unit.locator("form[action='/account/password'] button[type=submit]").tap()
    assert "Đã đổi mật khẩu." in unit.content()
    no_scroll(unit, 360, "account")
    shot(unit, out, "e2e-tnmt-password-360")
    ctx.close()
    ctx, again = login(browser, base, "e2e-tnmt", "mat-khau-e2e-2", 360, 740)
    assert again.url.endswith("/units/TNMT"), again.url
    ctx.close()


if __name__ == "__main__":
    sys.exit(main())
