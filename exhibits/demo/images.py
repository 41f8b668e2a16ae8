"""Posters and a PDF the demo draws for itself with Pillow (no borrowed images)."""

import io
import math
import textwrap
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_FILES = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
POSTER_SIZE = (1200, 675)
GOLD = (246, 211, 101)


@cache
def font(weight, size):
    """A CJK font when fonts-noto-cjk is installed, else Pillow's own (Latin only)."""
    path = FONT_DIR / FONT_FILES[weight]
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _has_cjk_font():
    return (FONT_DIR / FONT_FILES["bold"]).exists()


def _bridge(draw, colour, width, height, seed):
    """A stone arch bridge over water: the "bridge" of Fengqiao (maple bridge)."""
    light = tuple(min(255, c + 45) for c in colour)
    lighter = tuple(min(255, c + 80) for c in colour)
    base = int(height * 0.78)
    left, right = int(width * 0.52), int(width * 0.96)
    draw.rectangle((left, base - 40, right, base), fill=light)
    span = (right - left) // 2
    cx = left + span
    draw.pieslice((cx - span + 40, base - 150, cx + span - 40, base + 130), 180, 360, fill=colour)
    for n in range(4):
        y = base + 25 + n * 18
        draw.line(
            (left - 40 + (seed * 13 + n * 37) % 60, y, right - (seed * 7 + n * 23) % 80, y), fill=lighter, width=4
        )
    # Maple leaves: small stars scattered by the seed.
    for n in range(5):
        # Keep the leaves right of the year and title text.
        x = int(width * 0.7) + (seed * 97 + n * 131) % int(width * 0.26)
        y = int(height * 0.12) + (seed * 53 + n * 71) % int(height * 0.35)
        r = 16 + (seed + n) % 3 * 6
        points = []
        for k in range(10):
            radius = r if k % 2 == 0 else r * 0.45
            angle = math.pi / 2 + k * math.pi / 5
            points.append((x + radius * math.cos(angle), y - radius * math.sin(angle)))
        draw.polygon(points, fill=GOLD)


def poster(year_label, title_zh, title_en, colour, seed=0):
    """A 16:9 JPEG poster: the year, the title in Chinese and English, a bridge motif."""
    width, height = POSTER_SIZE
    image = Image.new("RGB", POSTER_SIZE, colour)
    draw = ImageDraw.Draw(image)
    dark = tuple(max(0, c - 40) for c in colour)
    draw.rectangle((0, height - 90, width, height), fill=dark)
    _bridge(draw, dark, width, height, seed)
    draw.text((60, 50), year_label, font=font("bold", 150), fill=GOLD)
    y = 240
    if _has_cjk_font():
        for line in textwrap.wrap(title_zh, 11)[:3]:
            draw.text((60, y), line, font=font("bold", 64), fill="white")
            y += 84
    for line in textwrap.wrap(title_en, 34)[:2]:
        draw.text((60, y + 10), line, font=font("regular", 32), fill=(255, 235, 230))
        y += 44
    draw.text(
        (60, height - 68),
        "Fengqiao College · 枫桥学院" if _has_cjk_font() else "Fengqiao College",
        font=font("regular", 30),
        fill="white",
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def chronology_pdf(title, lines):
    """A small PDF (one A4 page per 24 lines) listing the chronology; returns (pdf, preview JPEG)."""
    pages = []
    chunk = 24
    for start in range(0, max(len(lines), 1), chunk):
        page = Image.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(page)
        draw.rectangle((0, 0, 1240, 160), fill=(166, 27, 27))
        draw.text((80, 45), title, font=font("bold", 60), fill="white")
        y = 220
        for line in lines[start : start + chunk]:
            for part in textwrap.wrap(line, 30)[:2]:
                draw.text((80, y), part, font=font("regular", 34), fill=(31, 31, 31))
                y += 48
            y += 14
        pages.append(page)
    pdf = io.BytesIO()
    pages[0].save(pdf, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    preview = io.BytesIO()
    thumb = pages[0].copy()
    thumb.thumbnail((480, 680))
    thumb.save(preview, "JPEG", quality=80)
    return pdf.getvalue(), preview.getvalue()
