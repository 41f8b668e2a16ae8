"""GET /api/certificates/<code>/ for machines (docs/certificates.md)."""

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import ratelimit, verification


@require_GET
def certificate_status(request, code):
    # /api/ has no language prefix (LocaleMiddleware then picks zh-hans): answer errors in
    # the language the client asks for with Accept-Language.
    with translation.override(translation.get_language_from_request(request, check_path=False)):
        return _certificate_status(request, code)


def _certificate_status(request, code):
    if not ratelimit.hit(request):
        response = JsonResponse(
            {"errors": {"code": [_("Too many verification requests. Try again in a minute.")]}}, status=429
        )
        response["Retry-After"] = str(ratelimit.retry_after())
        return response
    certificate = verification.find(code)
    if certificate is None:
        message = (
            _("No certificate has this code.")
            if verification.is_well_formed(code)
            else _("This is not a certificate code.")
        )
        return JsonResponse({"errors": {"code": [message]}}, status=404)
    return JsonResponse(
        verification.as_json(verification.verdict(certificate)), json_dumps_params={"ensure_ascii": False}
    )
