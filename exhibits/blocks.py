"""StreamField blocks of the exhibition, kept in one place and shared by page types.

Every block that shows an image carries its own alt text and an explicit
"decorative" choice; the rule that one of them is given before publishing is
enforced by ``exhibits.publishing`` (see ``missing_alt_text``).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")
AUDIO_EXTENSIONS = ("mp3", "ogg", "oga", "m4a", "wav", "opus")
CAPTION_EXTENSIONS = ("vtt",)
PDF_EXTENSIONS = ("pdf",)

ALT_TEXT_REQUIRED = _("Describe the image in the alt text, or mark it as decorative, before publishing.")

CAPTION_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
CAPTION_KINDS = [("captions", _("Captions")), ("subtitles", _("Subtitles"))]


def _check_extension(document, extensions, message):
    if document is not None and document.file_extension.lower() not in extensions:
        raise ValidationError(message)


class FileTypesMixin:
    """Refuse documents of the wrong type in the chooser fields named in
    ``file_types``: ``(field name, allowed extensions, message)``."""

    file_types = ()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for name, extensions, message in self.file_types:
            try:
                _check_extension(value.get(name), extensions, message)
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ImageBlock(blocks.StructBlock):
    """An image with caption, credit and alt text (or an explicit decorative choice)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required before publishing."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick only when the image adds nothing to the text; screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "exhibits/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        # Drafts may lack alt text; publishing (or submitting for review) may not.
        if not self.is_deferred_validation and image_needs_alt(value):
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(ALT_TEXT_REQUIRED)})
        return value


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "exhibits/blocks/gallery.html"


class VideoBlock(FileTypesMixin, blocks.StructBlock):
    """An uploaded video played by the browser's own <video> element, with captions."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file"), help_text=_("An MP4 (H.264) or WebM file."))
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    captions = DocumentChooserBlock(label=_("Captions track"), help_text=_("A WebVTT (.vtt) file."))
    captions_kind = blocks.ChoiceBlock(label=_("Track kind"), choices=CAPTION_KINDS, default="captions")
    captions_language = blocks.ChoiceBlock(label=_("Track language"), choices=CAPTION_LANGUAGES, default="zh-hans")
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=["bold", "italic"])

    class Meta:
        icon = "media"
        label = _("Video")
        template = "exhibits/blocks/video.html"

    file_types = (
        ("video", VIDEO_EXTENSIONS, _("Choose an MP4, WebM or Ogg video file.")),
        ("captions", CAPTION_EXTENSIONS, _("Choose a WebVTT (.vtt) captions file.")),
    )


class AudioBlock(FileTypesMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    audio = DocumentChooserBlock(label=_("Audio file"), help_text=_("An MP3, Ogg, M4A or WAV file."))
    captions = DocumentChooserBlock(label=_("Captions track"), required=False, help_text=_("A WebVTT (.vtt) file."))
    captions_language = blocks.ChoiceBlock(label=_("Track language"), choices=CAPTION_LANGUAGES, default="zh-hans")
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=["bold", "italic"])

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "exhibits/blocks/audio.html"

    file_types = (
        ("audio", AUDIO_EXTENSIONS, _("Choose an MP3, Ogg, M4A or WAV audio file.")),
        ("captions", CAPTION_EXTENSIONS, _("Choose a WebVTT (.vtt) captions file.")),
    )


class DocumentBlock(FileTypesMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("PDF document"))
    preview = ImageChooserBlock(label=_("Preview image"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "exhibits/blocks/document.html"

    file_types = (("document", PDF_EXTENSIONS, _("Choose a PDF document.")),)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "exhibits/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), max_length=40, help_text=_("For example 100,000+ or a percentage."))
    label = blocks.CharBlock(label=_("Label"), max_length=200)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "exhibits/blocks/key_figure.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ExhibitBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="exhibits/blocks/text.html")
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    key_figure = KeyFigureBlock()

    class Meta:
        block_counts = {}


def image_values(stream_value):
    """Yield every ImageBlock value (StructValue) found in an exhibit body."""
    for child in stream_value or []:
        if child.block_type == "image":
            yield child.value
        elif child.block_type == "gallery":
            yield from child.value["images"]


def image_needs_alt(value) -> bool:
    """True when an image block has an image but neither alt text nor the decorative choice."""
    return bool(value.get("image")) and not (value.get("alt_text") or "").strip() and not value.get("decorative")
