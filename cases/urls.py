"""Site URLs of the cases app: the library and cases are Wagtail pages, so none yet."""

app_name = "cases"

urlpatterns = []
