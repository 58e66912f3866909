"""Sending notices through the user's own SMTP account: accounts, passwords, delivery, archive.

No Qt here: the settings dialog and the command line both use these modules.
"""
