"""Shared pytest set-up: a marker for each section tag of the features, and their World."""

from __future__ import annotations

from typing import Any

from contract.text import SECTIONS


def pytest_configure(config: Any) -> None:
    """Register `section_5_1`, ... for every numbered section, `signature_page` and `schedule_1`.

    The features are tagged with their section (`@section_5_1`), and pytest
    runs with --strict-markers, so `pytest -m section_5_1` runs one section.
    """
    for key in SECTIONS:
        if key[0].isdigit() and "(" not in key:
            marker = "section_" + key.replace(".", "_")
            config.addinivalue_line("markers", f"{marker}: the features of section {key}")
    config.addinivalue_line("markers", "signature_page: the features of the signature page")
    config.addinivalue_line("markers", "schedule_1: the features of Schedule 1 (assumed terms)")


def pytest_bdd_before_scenario(request: Any, feature: Any, scenario: Any) -> None:
    """Give the scenario's World its steps, so it knows which conditions the scenario names."""
    from features.steps import remember_scenario

    remember_scenario(request, [step.name for step in scenario.steps])
