"""The application layer: what happens between a user's intent and the core, written once.

The window (`outagewriter.ui`) and the command line (`outagewriter.commands`) both call it:
`Services` wires settings, renderer, checks, accounts and secrets; `Session` holds one open
incident and performs each operation on it (edit, add a notice, save, the review steps, send),
returning `Changes` that say what a view must redraw; `enabled_actions` says what may be done now.
"""
