"""Route modules: determinations, policies, keys, health."""
