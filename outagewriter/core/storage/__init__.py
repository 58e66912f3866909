"""Incident files on a shared folder: the file format, atomic saves, edit and send locks, save conflicts,
recovery copies and the recent-files lists."""
