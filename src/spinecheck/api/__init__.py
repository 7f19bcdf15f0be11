"""The HTTP service: FastAPI routes over ``review`` and ``store``. Thin: authenticate, validate,
call the use case, map errors to one problem+json shape, log ids and timings only."""
