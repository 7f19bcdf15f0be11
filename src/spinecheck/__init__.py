"""spinecheck: reviews prior-authorization requests for spine imaging against payer policies.

A `not_met` outcome is never a denial: it refers the request to a physician reviewer.
"""

__version__ = "0.1.0"
ENGINE_VERSION = __version__
