"""Posting a notice's short version to chat destinations through their incoming webhooks."""
