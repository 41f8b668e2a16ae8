"""Make the demo video of the exhibition (a short captioned slide show).

The result, fengqiao-timeline.mp4, is committed so that seeding the demo needs
no video tool.  To make it again you need the ffmpeg binary that the PyPI
package imageio-ffmpeg ships (not a project dependency):

    python -m venv /tmp/vidtool && /tmp/vidtool/bin/pip install imageio-ffmpeg pillow
    /tmp/vidtool/bin/python exhibits/demo/media/make_video.py

Captions are in fengqiao-timeline.zh-hans.vtt and fengqiao-timeline.en.vtt.
"""

import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SIZE = (640, 360)
FPS = 12
SLIDES = [  # (seconds, year, Chinese line, English line, background)
    (3, "1963", "枫桥经验诞生", "The Fengqiao Experience is born", (166, 27, 27)),
    (3, "1978", "率先摘帽，调动几代人", "First to lift the labels", (122, 18, 18)),
    (3, "1990s", "打防教管 · 四前工作法", "Comprehensive management", (140, 70, 20)),
    (3, "2000s", "平安枫桥 · 四先四早", "Safe Fengqiao", (30, 90, 60)),
    (3, "2013", "坚持好、发展好", "Uphold it and develop it", (20, 60, 120)),
    (3, "2021", "市域升级版", "The city-level upgrade", (90, 30, 110)),
]


def slide(year, zh, en, colour, progress):
    image = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(image)
    big = ImageFont.truetype(FONT, 96)
    mid = ImageFont.truetype(FONT, 40)
    small = ImageFont.truetype(FONT, 24)
    draw.text((40, 50), year, font=big, fill=(255, 240, 200))
    draw.text((40, 190), zh, font=mid, fill="white")
    draw.text((40, 250), en, font=small, fill=(255, 230, 230))
    # A growing bar shows time passing on each slide.
    draw.rectangle((40, 320, 40 + int(560 * progress), 328), fill=(246, 211, 101))
    return image


def main():
    ffmpeg = __import__("imageio_ffmpeg").get_ffmpeg_exe()
    with tempfile.TemporaryDirectory() as tmp:
        frame = 0
        for seconds, year, zh, en, colour in SLIDES:
            count = seconds * FPS
            for n in range(count):
                slide(year, zh, en, colour, (n + 1) / count).save(Path(tmp) / f"f{frame:05d}.png")
                frame += 1
        subprocess.run(
            [
                ffmpeg,
                "-y",
                "-loglevel",
                "error",
                "-framerate",
                str(FPS),
                "-i",
                str(Path(tmp) / "f%05d.png"),
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-profile:v",
                "baseline",
                "-crf",
                "30",
                "-movflags",
                "+faststart",
                str(HERE / "fengqiao-timeline.mp4"),
            ],
            check=True,
        )
    slide(*SLIDES[0][1:], 1.0).save(HERE / "fengqiao-timeline-poster.png")


if __name__ == "__main__":
    main()
