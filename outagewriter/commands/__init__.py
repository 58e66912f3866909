"""Subcommands of the `outagewriter` command, one module per group."""
