"""Local servers that speak the REST protocols of external services, for contract tests."""
