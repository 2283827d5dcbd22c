from django import template
from django.utils.safestring import SafeString

from guide.contacts import link_contacts, tel_uri
from guide.display import sentence_case
from guide.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.filter(name="contact_links")
def contact_links_filter(text: str) -> SafeString:
    """Plain interface text with its phone numbers and emails linked: {{ text|contact_links }}."""
    return link_contacts(text)


@register.filter(name="tel_uri")
def tel_uri_filter(number: str) -> str:
    return tel_uri(number)


@register.filter(name="sentence_case")
def sentence_case_filter(text: str) -> str:
    """A heading as shown to readers: shouted words in lower case, acronyms kept. {{ title|sentence_case }}"""
    return sentence_case(str(text))
