import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from college.accounts.models import User

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    real_name = factory.Sequence(lambda n: f"学员{n}")
    work_unit = "诸暨市枫桥镇人民政府"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        if create and extracted:
            from college.accounts.roles import ensure_roles

            ensure_roles()
            obj.groups.add(*Group.objects.filter(name__in=extracted))
