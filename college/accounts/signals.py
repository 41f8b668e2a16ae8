from allauth.account.signals import user_signed_up
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import LEARNERS, ensure_roles


@receiver(post_migrate)
def create_role_groups(sender, app_config=None, **kwargs):
    # Run once, after the last app has migrated, so every permission exists.
    if app_config is not None and app_config.label == "accounts":
        ensure_roles()


@receiver(user_signed_up)
def add_new_user_to_learners(request, user, **kwargs):
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=LEARNERS)
    user.groups.add(group)
