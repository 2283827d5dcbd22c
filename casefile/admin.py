"""Case files are ciphertext only: nothing here is useful to show in the admin."""
