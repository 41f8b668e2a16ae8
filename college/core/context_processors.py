from wagtail.models import Locale, Site


def site_navigation(request):
    """The home page of the visitor's language and the top-level menu."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    root = site.root_page
    try:
        home = root.localized
    except Locale.DoesNotExist:
        home = root
    menu = home.get_children().live().public().in_menu()
    return {"home_page": home, "menu_pages": menu}
