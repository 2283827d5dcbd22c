"""Create a content editor: can sign in to the admin and change guide content only."""

import os
from getpass import getpass

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

EDITORS_GROUP = "Content editors"


class Command(BaseCommand):
    help = "Create a content editor account (admin access to the guide only)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of asking.",
        )

    def handle(self, *args, username: str, password_from_env: str | None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account called {username!r}.")
        password = os.environ.get(password_from_env, "") if password_from_env else getpass("Password: ")
        user = User(username=username, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created. Sign in at {reverse('admin:index')}."))
