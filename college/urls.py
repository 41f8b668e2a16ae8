from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin as django_admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from college.core import views as core_views

from .api import api_router

# Language-neutral URLs: machines, health, the admin and media.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("healthz/", core_views.healthz),
    # The Wagtail admin signs people in through allauth, so that allauth's
    # rate limits and two-factor step protect it too.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", django_admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/visits/", include("college.visits.api_urls")),
    path("api/certificates/", include("college.certificates.api_urls")),
    path("api/cases/", include("cases.api_urls")),
    path("api/courses/", include("courses.api_urls")),
    path("api/exhibits/", include("exhibits.api_urls")),
    path("api/organisations/", include("college.organisations.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages for people: Chinese at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("college.accounts.urls")),
    path("search/", core_views.search, name="search"),
    # Each app owns the paths in its urls.py (e.g. "visits/…",
    # "certificates/verify/<code>/"); they come before Wagtail's page
    # catch-all, so a page must not take the same slug.
    path("", include("college.visits.urls")),
    path("", include("college.certificates.urls")),
    path("", include("college.organisations.urls")),
    path("", include("courses.urls")),
    path("", include("cases.urls")),
    path("", include("exhibits.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages in the visitor's language; the shared JSON error body under /api/.
handler400 = "college.core.errors.bad_request"
handler403 = "college.core.errors.permission_denied"
handler404 = "college.core.errors.page_not_found"
handler500 = "college.core.errors.server_error"
