from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Send account emails in the language the person is using."""

    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or getattr(self, "request", None)
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
