def test_smoke(page, alice, account, login):
    login(page, "alice")
    print(page.url)
    print(page.evaluate("typeof htmx"))
    page.get_by_role("button", name="Sign out").click()
    print(page.url, page.content()[:800])
