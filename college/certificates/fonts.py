"""Small copies of the Noto CJK fonts for certificates, made once with HarfBuzz's subsetter.

WeasyPrint reads the whole font file of every face a PDF uses, then subsets it. The system
Noto CJK collections are 20–27 MB each, which costs about 0.1 s per face per certificate and
pushes a worker process near its memory limit. A copy holding only the simplified-Chinese face
and the characters of GB 2312 (6,763 hanzi), Latin and CJK punctuation is ~4 MB; characters
outside it (rare name characters) still print, because the stylesheet names the full system
font after it and Pango falls back per character.

The copies are written under COLLEGE_CERTIFICATES_FONT_DIR (default ``<VAR_DIR>/certificate-fonts``)
the first time a process needs them; a missing font or HarfBuzz simply leaves the system fonts
in use.
"""

import logging
import os
import threading
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
# family name used in the stylesheet → (collection file, face index of "… CJK SC")
FACES = {
    "serif-regular": ("NotoSerifCJK-Regular.ttc", 2),
    "serif-bold": ("NotoSerifCJK-Bold.ttc", 2),
    "sans-regular": ("NotoSansCJK-Regular.ttc", 2),
}
_lock = threading.Lock()
_ready = None


def font_dir():
    default = Path(getattr(settings, "VAR_DIR", "/tmp")) / "certificate-fonts"
    return Path(getattr(settings, "COLLEGE_CERTIFICATES_FONT_DIR", default))


def codepoints():
    """ASCII, Latin-1 and Latin Extended-A, general and CJK punctuation, full-width forms, GB 2312."""
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x2000, 0x2070))
    points |= set(range(0x2100, 0x2200)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return sorted(points)


def _harfbuzz():
    import cffi

    ffi = cffi.FFI()
    ffi.cdef(
        """
        typedef struct hb_blob_t hb_blob_t;
        typedef struct hb_face_t hb_face_t;
        typedef struct hb_set_t hb_set_t;
        typedef struct hb_subset_input_t hb_subset_input_t;
        typedef uint32_t hb_codepoint_t;
        hb_blob_t * hb_blob_create_from_file_or_fail (const char *file_name);
        void hb_blob_destroy (hb_blob_t *blob);
        const char * hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
        hb_face_t * hb_face_create (hb_blob_t *blob, unsigned int index);
        void hb_face_destroy (hb_face_t *face);
        hb_blob_t * hb_face_reference_blob (hb_face_t *face);
        void hb_set_add (hb_set_t *set, hb_codepoint_t codepoint);
        hb_subset_input_t * hb_subset_input_create_or_fail (void);
        void hb_subset_input_destroy (hb_subset_input_t *input);
        hb_set_t * hb_subset_input_unicode_set (hb_subset_input_t *input);
        void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned value);
        hb_face_t * hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
        """
    )
    return ffi, ffi.dlopen("libharfbuzz.so.0"), ffi.dlopen("libharfbuzz-subset.so.0")


def subset_face(source, index, destination, points):
    """Write the face ``index`` of ``source`` reduced to ``points`` to ``destination``."""
    ffi, hb, hb_subset = _harfbuzz()
    blob = hb.hb_blob_create_from_file_or_fail(str(source).encode())
    if blob == ffi.NULL:
        raise OSError(f"cannot read {source}")
    face = hb.hb_face_create(blob, index)
    subset_input = hb_subset.hb_subset_input_create_or_fail()
    try:
        unicode_set = hb_subset.hb_subset_input_unicode_set(subset_input)
        for point in points:
            hb.hb_set_add(unicode_set, point)
        hb_subset.hb_subset_input_set_flags(subset_input, 0x1)  # HB_SUBSET_FLAGS_NO_HINTING
        result = hb_subset.hb_subset_or_fail(face, subset_input)
        if result == ffi.NULL:
            raise OSError(f"HarfBuzz could not subset {source}")
        out_blob = hb.hb_face_reference_blob(result)
        length = ffi.new("unsigned int *")
        data = ffi.unpack(hb.hb_blob_get_data(out_blob, length), int(length[0]))
        hb.hb_blob_destroy(out_blob)
        hb.hb_face_destroy(result)
    finally:
        hb_subset.hb_subset_input_destroy(subset_input)
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)
    temporary = destination.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, destination)  # atomic: concurrent workers never read half a file


def ensure_fonts():
    """{"serif-regular": Path, …} of the small fonts, made if missing; {} when they cannot be."""
    global _ready
    if _ready is not None:
        return _ready
    with _lock:
        if _ready is not None:
            return _ready
        directory = font_dir()
        paths = {name: directory / f"fq-{name}.otf" for name in FACES}
        try:
            if not all(path.exists() for path in paths.values()):
                directory.mkdir(parents=True, exist_ok=True)
                points = codepoints()
                for name, (file_name, index) in FACES.items():
                    if not paths[name].exists():
                        subset_face(NOTO_DIR / file_name, index, paths[name], points)
            _ready = paths
        except (OSError, AttributeError) as error:
            logger.warning("certificate fonts: using the system fonts (%s)", error)
            _ready = {}
    return _ready


def font_face_css():
    """@font-face rules for the small fonts ('' when they are not available)."""
    rules = []
    for name, path in ensure_fonts().items():
        family, _, weight = name.partition("-")
        rules.append(
            f'@font-face {{ font-family: "FQ {family.title()}"; src: url("{path.as_uri()}"); '
            f"font-weight: {700 if weight == 'bold' else 400}; }}"
        )
    return "\n".join(rules)
