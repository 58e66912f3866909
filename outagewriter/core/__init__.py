"""The Qt-free core: incidents, the file format, rendering, checks, review and mail."""
