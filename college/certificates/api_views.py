"""GET /api/certificates/<code>/ for machines (docs/certificates.md).

Errors have the site's one body (docs/api.md): 404 ``not_found`` (message under ``code``, the
path's certificate code), 405 ``method``, 429 ``rate_limited`` with ``Retry-After``.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from college.core.jsonapi import json_api, not_found, too_many_requests

from . import ratelimit, verification


@json_api(methods=["GET"])
def certificate_status(request, code):
    """Whether the certificate with this verification code is valid, revoked or superseded."""
    if not ratelimit.hit(request):
        return too_many_requests(ratelimit.retry_after(), _("Too many verification requests. Try again in a minute."))
    certificate = verification.find(code)
    if certificate is None:
        message = (
            _("No certificate has this code.")
            if verification.is_well_formed(code)
            else _("This is not a certificate code.")
        )
        return not_found(message, field="code")
    return JsonResponse(
        verification.as_json(verification.verdict(certificate)), json_dumps_params={"ensure_ascii": False}
    )
