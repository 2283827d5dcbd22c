"""Create a content editor: can sign in to the admin and change guide content only.

Editors are named by email address. Case-file names cannot contain "@"
(casefile.limits.USERNAME_PATTERN), so the two never meet: registering a case file
under an editor's name is refused as a malformed name, not as a taken one, and nobody
learns an editor's name by trying to register it.
"""

import os
import re
from getpass import getpass

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from casefile.limits import USERNAME_PATTERN

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
        if re.fullmatch(USERNAME_PATTERN, username) or "@" not in username:
            raise CommandError(
                "Name editors by email address (e.g. sam@falseos.example), so an editor's name can never "
                "be a case-file name."
            )
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
