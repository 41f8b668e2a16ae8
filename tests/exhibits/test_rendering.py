"""What the visitor's browser receives: responsive images, media with captions, previews."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from exhibits.blocks import AudioBlock, DocumentBlock, VideoBlock

from .factories import EraPageFactory, ExhibitionPageFactory, ExhibitPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def document(name, content=b"data"):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


@pytest.fixture
def media_exhibit(home_page):
    exhibition = ExhibitionPageFactory(
        parent=home_page, cover=ImageFactory(title="封面", file__width=1600, file__height=900)
    )
    era = EraPageFactory(parent=exhibition, number=1)
    image = ImageFactory(title="照片", file__width=1600, file__height=900)
    body = [
        {"type": "text", "value": "<p>正文段落</p>"},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "调解员与村民交谈",
                "decorative": False,
                "caption": "调解现场",
                "credit": "枫桥镇",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "短片",
                "video": document("film.mp4").pk,
                "poster": image.pk,
                "captions": document("film.vtt", b"WEBVTT\n").pk,
                "captions_kind": "captions",
                "captions_language": "zh-hans",
                "transcript": "<p>短片文字稿</p>",
            },
        },
        {
            "type": "audio",
            "value": {
                "title": "录音",
                "audio": document("talk.mp3").pk,
                "captions": document("talk.vtt", b"WEBVTT\n").pk,
                "captions_language": "zh-hans",
                "transcript": "<p>录音文字稿</p>",
            },
        },
        {"type": "key_figure", "value": {"number": "90%", "label": "矛盾纠纷化解在镇村两级"}},
        {"type": "quote", "value": {"quote": "小事不出村，大事不出镇", "source": "枫桥经验"}},
    ]
    return ExhibitPageFactory(
        parent=era, number=1, cover=ImageFactory(title="展品封面", file__width=1600, file__height=900), body=body
    )


def test_images_are_responsive_webp_with_fallback_sized_and_lazy_below_the_fold(client, media_exhibit):
    html = client.get(media_exhibit.url).content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2  # cover and body image
    cover, body_image = pictures
    for picture in pictures:
        source = re.search(r"<source [^>]+>", picture).group(0)
        assert 'type="image/webp"' in source and re.search(
            r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w"', source
        )
        assert 'sizes="' in source
        img = re.search(r"<img [^>]+>", picture).group(0)  # the JPEG fallback
        assert re.search(r'srcset="[^"]+\.jpg 480w', img) and 'sizes="' in img
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'loading="eager"' in cover  # above the fold
    assert 'loading="lazy"' in body_image
    assert 'alt="调解员与村民交谈"' in body_image
    assert "<figcaption>调解现场" in html


def test_video_and_audio_use_the_browsers_own_players_with_captions_and_transcripts(client, media_exhibit):
    html = client.get(media_exhibit.url).content.decode()
    assert re.search(r'<video controls preload="metadata"[^>]+poster="/media/images/', html)
    assert '<source src="/documents/' in html and 'type="video/mp4"' in html
    assert '<track kind="captions" src="/documents/' in html and 'srclang="zh-hans"' in html
    assert "<audio controls" in html and 'type="audio/mpeg"' in html
    assert html.count("<summary>文字稿</summary>") == 2
    assert "短片文字稿" in html and "录音文字稿" in html
    assert "youtube" not in html and "https://" not in html


def test_key_figure_and_quotation_are_shown(client, media_exhibit):
    html = client.get(media_exhibit.url).content.decode()
    assert '<strong class="key-figure__number">90%</strong>' in html
    assert "<blockquote><p>小事不出村，大事不出镇</p></blockquote>" in html
    assert "<cite>枫桥经验</cite>" in html


def test_decorative_image_has_empty_alt(client, home_page):
    exhibition = ExhibitionPageFactory(parent=home_page)
    era = EraPageFactory(parent=exhibition, number=1)
    image = ImageFactory()
    body = [
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True, "caption": "", "credit": ""}}
    ]
    exhibit = ExhibitPageFactory(parent=era, number=1, body=body)
    html = client.get(exhibit.url).content.decode()
    assert re.search(r'<img alt=""[^>]*loading="lazy"', html) or 'alt=""' in html


@pytest.mark.parametrize(
    "block, value, field",
    [
        (VideoBlock(), {"video": "talk.pdf", "captions": "film.vtt"}, "video"),
        (VideoBlock(), {"video": "film.mp4", "captions": "film.srt"}, "captions"),
        (AudioBlock(), {"audio": "film.mp4", "captions": None}, "audio"),
        (DocumentBlock(), {"document": "notes.docx"}, "document"),
    ],
)
def test_media_blocks_refuse_files_of_the_wrong_kind(block, value, field):
    raw = {"title": "标题", "transcript": "<p>文字稿</p>"}
    for name, filename in value.items():
        raw[name] = document(filename).pk if filename else None
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(raw))
    assert field in error.value.block_errors


def test_editor_preview_of_a_draft_exhibit_renders_though_it_is_not_live(client, home_page):
    from django.test import RequestFactory

    exhibition = ExhibitionPageFactory(parent=home_page)
    era = EraPageFactory(parent=exhibition, number=1)
    exhibit = ExhibitPageFactory(parent=era, number=1, live=False)
    preview = exhibit.make_preview_request(RequestFactory().get(exhibit.url), "")
    assert preview.status_code == 200
    assert exhibit.title in preview.content.decode()
    assert client.get(exhibit.url).status_code == 404  # visitors see it only once published
