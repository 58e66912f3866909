"""The review cycle: canonical content and its hash, approvals and voids, signatures and the audit log."""
