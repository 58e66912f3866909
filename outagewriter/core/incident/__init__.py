"""The incident itself: notices, their fields, times and zones. Depends on nothing else in core."""
