"""Encrypted case files. The models arrive with the case-file issue; see DESIGN.md."""
