from allauth.account.signals import user_signed_up
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import LEARNERS, ensure_roles


@receiver(post_migrate)
def create_role_groups(sender, app_config=None, using="default", **kwargs):
    if app_config is None or app_config.label != "accounts":
        return
    # This app's post_migrate runs before django.contrib.auth's, which makes
    # the model permissions; make them all now so every role gets its own.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    ensure_roles()


@receiver(user_signed_up)
def add_new_user_to_learners(request, user, **kwargs):
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=LEARNERS)
    user.groups.add(group)
