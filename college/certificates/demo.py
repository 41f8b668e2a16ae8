"""Demo certificates: the demo learner's completed courses have issued certificates.

Runs after the courses demo. Certificates go through the same services as on the live site;
with no worker running, ``seed`` renders them synchronously (``issue_certificate``). It also
gives the college settings a drawn seal image when staff have not uploaded one.
"""

import io
import math

from django.core.files.images import ImageFile
from django.db import transaction

from college.accounts.models import User
from college.core.models import CollegeSettings

from . import services
from .models import Certificate

DEMO_LEARNER = "learner@demo.fengqiao.local"
SEAL_TITLE = "枫桥学院印章（示例）"
SEAL_FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"


def _font(size):
    from PIL import ImageFont

    for index in (2, 0):  # the SC face of the collection, else the first
        try:
            font = ImageFont.truetype(SEAL_FONT, size, index=index)
            if "SC" in " ".join(font.getname()):
                return font
        except OSError:
            continue
    try:
        return ImageFont.truetype(SEAL_FONT, size)
    except OSError:
        return ImageFont.load_default()


def draw_seal(name="绍兴枫桥学院", centre="培训专用章", size=600):
    """A round red seal as PNG bytes: the name along the rim, a star and a line in the middle."""
    from PIL import Image, ImageDraw

    red = (200, 24, 24, 235)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = size * 0.04
    draw.ellipse([margin, margin, size - margin, size - margin], outline=red, width=int(size * 0.035))
    # Five-pointed star.
    cx = cy = size / 2
    outer, inner = size * 0.14, size * 0.055
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=red)
    # The name along the upper rim, each character turned to face the centre.
    font = _font(int(size * 0.11))
    span = math.radians(220)
    start = -math.pi / 2 - span / 2
    radius = size * 0.35
    count = max(len(name), 1)
    for index, char in enumerate(name):
        angle = start + span * (index + 0.5) / count
        glyph = Image.new("RGBA", (int(size * 0.16), int(size * 0.16)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), char, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        x = cx + radius * math.cos(angle) - glyph.width / 2
        y = cy + radius * math.sin(angle) - glyph.height / 2
        image.alpha_composite(glyph, (int(x), int(y)))
    small = _font(int(size * 0.075))
    draw.text((cx, cy + size * 0.24), centre, font=small, fill=red, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_seal():
    """Give the college settings a seal image unless staff have set one."""
    from wagtail.images import get_image_model

    college = CollegeSettings.load()
    if college.seal_id:
        return college.seal
    Image = get_image_model()
    image = Image.objects.filter(title=SEAL_TITLE).first()
    if image is None:
        data = draw_seal(college.name_zh or "绍兴枫桥学院")
        image = Image(title=SEAL_TITLE)
        image.file = ImageFile(io.BytesIO(data), name="fengqiao-seal.png")
        image.save()
    college.seal = image
    college.save(update_fields=["seal"])
    return image


def seed(stdout=None, **options):
    ensure_seal()
    learner = User.objects.filter(email=DEMO_LEARNER).first()
    if learner is None:
        return
    from courses.models import CourseCompletion, TrainingClassMember

    certificates = []
    for completion in CourseCompletion.objects.filter(user=learner).select_related("course"):
        with transaction.atomic():
            certificates.append(services.request_certificate(learner, course=completion.course))
    for membership in TrainingClassMember.objects.filter(user=learner, completed_at__isnull=False).select_related(
        "training_class"
    ):
        with transaction.atomic():
            certificates.append(services.request_certificate(learner, training_class=membership.training_class))
    # No worker may be running while seeding: render what is still pending here, the same way.
    for certificate in certificates:
        certificate.refresh_from_db()
        if certificate.status in {Certificate.Status.PENDING, Certificate.Status.FAILED}:
            services.issue_certificate(certificate.pk)
    if stdout:
        issued = Certificate.objects.filter(user=learner, status=Certificate.Status.ISSUED)
        stdout.write(f"  certificates: {issued.count()} issued to {DEMO_LEARNER}")
        for certificate in issued:
            stdout.write(f"    {certificate.serial}: {services.verification_url(certificate)}")
