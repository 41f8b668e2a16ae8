"""The college's roles, kept as Django groups with Wagtail permissions.

Each role is declared here once; ``ensure_roles()`` creates or updates the
groups (it runs after every migrate) so that permissions cannot drift.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

LEARNERS = "Learners"
RECEPTION_STAFF = "Reception staff"
TRAINING_STAFF = "Training staff"
EDITORS = "Editors"
REVIEWERS = "Reviewers"
ADMINISTRATORS = "Administrators"
# Scoped to units: what a member sees is decided by their grants (college/organisations/
# scoping.py), not by model permissions, so the group itself only opens the Wagtail admin.
UNIT_ADMINISTRATORS = "Unit administrators"

# Shown in the admin and the docs; group names stay English so code can rely
# on them, their labels are translated.
ROLE_LABELS = {
    LEARNERS: _("Learners"),
    RECEPTION_STAFF: _("Reception staff"),
    TRAINING_STAFF: _("Training staff"),
    EDITORS: _("Editors"),
    REVIEWERS: _("Reviewers"),
    ADMINISTRATORS: _("Administrators"),
    UNIT_ADMINISTRATORS: _("Unit administrators"),
}

# Roles whose members must use two-factor sign-in when
# COLLEGE_REQUIRE_STAFF_MFA is on.
MFA_REQUIRED_ROLES = (RECEPTION_STAFF, TRAINING_STAFF, EDITORS, REVIEWERS, ADMINISTRATORS, UNIT_ADMINISTRATORS)


@dataclass
class Role:
    name: str
    admin_access: bool = False
    # "app_label.codename" strings; codenames of models that do not exist
    # yet are skipped, so later apps add theirs without touching this file.
    permissions: list = field(default_factory=list)
    # Page permission types granted on the root page (Wagtail's own).
    page_permissions: tuple = ()
    collection_permissions: tuple = ()


ROLES = [
    Role(LEARNERS),
    Role(
        RECEPTION_STAFF,
        admin_access=True,
        permissions=["visits.*"],
    ),
    Role(
        TRAINING_STAFF,
        admin_access=True,
        permissions=["courses.*", "certificates.*", "organisations.*", "accounts.view_user"],
        page_permissions=("add", "change"),
        collection_permissions=("add", "choose"),
    ),
    Role(
        EDITORS,
        admin_access=True,
        permissions=["exhibits.*", "cases.*", "courses.*", "taggit.*"],
        page_permissions=("add", "change", "lock"),
        collection_permissions=("add", "change", "choose"),
    ),
    Role(
        REVIEWERS,
        admin_access=True,
        permissions=["exhibits.*", "cases.*", "courses.*"],
        page_permissions=("add", "change", "publish", "lock", "unlock"),
        collection_permissions=("add", "change", "choose"),
    ),
    Role(UNIT_ADMINISTRATORS, admin_access=True),
    Role(
        ADMINISTRATORS,
        admin_access=True,
        permissions=["*"],
        page_permissions=("add", "change", "publish", "lock", "unlock", "bulk_delete"),
        collection_permissions=("add", "change", "delete", "choose"),
    ),
]


def ensure_roles() -> None:
    """Create or update every role group with its permissions."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        perms = set()
        if role.admin_access:
            perms.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        for spec in role.permissions:
            if spec == "*":
                perms.update(Permission.objects.all())
                continue
            app_label, codename = spec.split(".", 1)
            qs = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                qs = qs.filter(codename=codename)
            perms.update(qs)
        group.permissions.set(perms)

        if root_page is not None:
            for perm_type in role.page_permissions:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{perm_type}_page")
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        if root_collection is not None:
            for perm_type in role.collection_permissions:
                for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                    try:
                        permission = Permission.objects.get(
                            content_type__app_label=app_label, codename=f"{perm_type}_{model}"
                        )
                    except Permission.DoesNotExist:
                        continue
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
