"""OutageWriter: write calm, truthful outage notices and send them from your own mailbox."""

__version__ = "0.1.0"
