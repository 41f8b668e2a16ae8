from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from .forms import ExhibitSearchForm
from .models import Theme
from .search import eras_for_search, exhibit_search, exhibition_for

RESULTS_PER_PAGE = 20


def search(request):
    """Exhibit search with era and theme filters; bad filters are explained, never a 500."""
    eras = eras_for_search()
    themes = list(Theme.objects.all())
    form = ExhibitSearchForm(request.GET or None, eras=eras, themes=themes)
    results = None
    if form.is_bound and form.is_valid():
        era = next((e for e in eras if e.slug == form.cleaned_data["era"]), None)
        theme = next((t for t in themes if t.slug == form.cleaned_data["theme"]), None)
        found = exhibit_search(form.cleaned_data["q"].strip(), era=era, theme=theme)
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "exhibits/search.html",
        {
            "form": form,
            "results": results,
            "exhibition": exhibition_for(),
            "query_string": query_string.urlencode(),
        },
    )
