from django.core.management.base import BaseCommand

from college.accounts.demo import DEMO_PASSWORD, login_table


class Command(BaseCommand):
    help = "Print the demo accounts and their password."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD})")
        for email, role in login_table():
            self.stdout.write(f"  {role:<16} {email}")
        from college.organisations.demo import login_table as unit_administrators

        for email, unit in unit_administrators():
            self.stdout.write(f"  {'Unit admin':<16} {email}  ({unit})")
