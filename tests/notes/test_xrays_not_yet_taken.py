"""X-rays that are booked, pending, requested or due are not x-rays of this episode that the
requesting provider can read: "thoracic spine x-rays scheduled for next week" supplies nothing,
with or without "are" before "scheduled", while films said to show something were taken."""

from __future__ import annotations

from probe_notes import Probe, probe_tests
from test_false_approval_probes_5 import EVICORE, THORACIC_NO_XRAY

NOT_TAKEN_YET = [
    "Thoracic spine x-rays scheduled for next week.",
    "Thoracic spine x-rays booked for Monday.",
    "Thoracic spine x-rays - appointment next Tuesday.",
    "Thoracic spine x-rays pending.",
    "Thoracic spine x-rays requested today.",
    "Thoracic spine x-rays ordered today.",
    "Thoracic spine x-rays next week.",
    "Thoracic spine x-rays: due on Friday.",
    "Thoracic spine x-rays (requested) - awaiting appointment.",
    "Thoracic spine x-rays being arranged.",
]
TAKEN = [
    "Thoracic spine x-rays in August showed mild spondylosis.",
    "Thoracic spine x-rays ordered at the first visit in August showed mild spondylosis.",
]

PROBES = [Probe("SP-4.1 thoracic x-rays not taken yet", THORACIC_NO_XRAY, EVICORE, "72146", "1974-01-01", "female",
                NOT_TAKEN_YET, TAKEN)]
test_xrays_not_taken_yet_never_approve, test_xrays_taken_approve = probe_tests(PROBES)
