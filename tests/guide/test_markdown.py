import pytest

from guide.markdown import render_markdown
from guide.models import Article


def test_it_removes_script_tags():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html and "alert" not in html


def test_it_removes_event_handlers():
    html = render_markdown('<img src="x" onerror="alert(1)"> and <a href="/" onclick="steal()">link</a>')
    assert "onerror" not in html and "onclick" not in html


def test_it_removes_javascript_links():
    html = render_markdown("[click me](javascript:alert(1)) and <a href='JaVaScRiPt:alert(1)'>x</a>")
    assert "javascript:" not in html.lower()
    assert "click me" in html


def test_it_keeps_ordinary_markdown():
    html = render_markdown("## Heading\n\nSome **bold** text and [a link](https://www.police.uk/).\n\n- one\n- two")
    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://www.police.uk/" rel="noopener noreferrer">a link</a>' in html
    assert "<li>one</li>" in html


@pytest.mark.django_db
def test_it_neutralises_hostile_markdown_saved_by_an_editor(client):
    article = Article.objects.get(slug="swatting")
    article.body = "<script>document.title='owned'</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "document.title='owned'" not in html
    assert "onerror" not in html
    assert "javascript:alert" not in html
