"""The user guide inside the application, with its sections and its pictures."""

from ktxh.web.tests.pages import signed_in


def test_guide_renders_with_sections_and_pictures(w):
    c = signed_in(w.officer)
    page = c.get("/huong-dan/").content.decode()
    assert "<h1>Hướng dẫn sử dụng KTXH</h1>" in page
    assert '<a href="#3-nhap-so-lieu-cong-chuc">3. Nhập số liệu (công chức)</a>' in page
    assert 'id="3-nhap-so-lieu-cong-chuc"' in page and 'src="/huong-dan/anh/nhap-so-lieu-360.png"' in page
    r = c.get("/huong-dan/anh/nhap-so-lieu-360.png")
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert c.get("/huong-dan/anh/..%2Fsecret_key").status_code == 404
    assert 'href="/huong-dan/"' in c.get("/nhap-lieu/").content.decode()  # linked from every page
