"""Sentence templates, grouped by topic; each writes one sentence with its spans and relations.

A template is a function ``(g: Phrases, s: Sentence) -> None`` registered with its drawing
weight by ``@template(weight)``: it appends text with ``s.add``, tags entities with
``s.entity`` or the phrase writers of ``g`` (which return the entity's index) and links them
with ``s.relate``, following ``../shared/ANNOTATION.md`` and ``corpus/GUIDELINES.md``.

Topics: :mod:`.province_figures`, :mod:`.facility_figures`, :mod:`.groups`,
:mod:`.infrastructure`, :mod:`.companies`, :mod:`.negatives`, :mod:`.guideline_cases`.
The documents draw templates by position in :data:`TEMPLATES`, whose order is
:data:`DRAW_ORDER`: a new template goes at the end, or every seed's corpus changes.
"""

from __future__ import annotations

from collections.abc import Callable

_REGISTERED: dict[str, tuple[Callable, float]] = {}


def template(weight: float = 1.0):
    """Register a template with its relative drawing weight."""

    def register(fn):
        assert fn.__name__ not in _REGISTERED, fn.__name__
        _REGISTERED[fn.__name__] = (fn, weight)
        return fn

    return register


from . import companies, facility_figures, groups, guideline_cases, infrastructure, negatives, province_figures  # noqa: E402,F401  (registers)

DRAW_ORDER = (
    "fdi_province",
    "fdi_date_first",
    "grdp_possessive",
    "grdp_target",
    "grdp_pronoun",
    "exports",
    "budget",
    "budget_two_years",
    "three_years",
    "province_area",
    "merged_area",
    "total_social",
    "this_year",
    "agency_pronoun",
    "agency_report",
    "per_capita",
    "disbursed",
    "region_negative",
    "countries_negative",
    "from_to",
    "ranking",
    "late_month",
    "former_investment",
    "plan_decision_negative",
    "project_negative",
    "economy_adjectival",
    "based_firms",
    "facility_area_location",
    "facility_adjectival_area",
    "facility_investment_possessive",
    "infrastructure_cost_target",
    "land_rent",
    "factory_rent",
    "production_value",
    "opened",
    "approved",
    "expansion",
    "group_area",
    "group_plan",
    "group_plan_period",
    "planning_doc",
    "group_members",
    "typed_list",
    "typed_list_negative",
    "coordinated",
    "combined_capital",
    "linear_two_provinces",
    "runs_through",
    "former_location",
    "merger_group",
    "range_money",
    "quarter_investors",
    "hitech_park_projects",
    "budget_contribution",
    "group_exports",
    "group_capital",
    "quote_target",
    "indirect_quote",
    "economic_zone_established",
    "economic_zone_square_km",
    "urban_area",
    "length_negative",
    "unnamed_negative",
    "duration_negative",
    "occupancy",
    "phase_target",
    "equivalent_to",
    "airport_capacity",
    "port_throughput",
    "infrastructure_spend",
    "between",
    "cluster_area",
    "facility_possessive_occupancy",
    "logistics_square_metres",
    "company_revenue_negative",
    "developer_negative",
    "company_with_province",
    "company_contains_facility_negative",
    "abbreviation",
    "pronoun_money",
    "generic_industrial_parks",
    "district_facility",
    "hanoi_capital_highway",
    "cross_border_zone_target",
    "wage_negative",
    "target_years_list",
    "airport_pair",
    "facility_value_rate",
    "province_grdp_equivalent_target",
    "border_gate_list",
    "province_named_list",
    "border_gate_negative",
    "station_negative",
    "event_newspaper",
    "short_name",
    "section",
    "link_end",
    "sa_pa",
    "pronoun_antecedent",
    "together",
    "each",
    "part_area",
    "tenant_plot_negative",
    "land_quota",
    "firm_investment_park",
    "firm_plant_negative",
    "photo_negative",
    "proposal_negative",
    "range_two_spans",
    "decade_negative",
)
assert sorted(DRAW_ORDER) == sorted(_REGISTERED), set(DRAW_ORDER) ^ set(_REGISTERED)
# (name, function, weight) in drawing order
TEMPLATES: list[tuple[str, Callable, float]] = [(name, *_REGISTERED[name]) for name in DRAW_ORDER]
