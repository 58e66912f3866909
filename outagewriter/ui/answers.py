"""The answers a question in `Dialogs` can return: plain strings, so tests answer without any widget."""

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RELOAD, OVERWRITE, KEEP, SAVE_COPY = "reload", "overwrite", "keep", "save-copy"
READ_ONLY, TAKE_OVER = "read-only", "take-over"
