"""The MCA engine: published worked examples, robustness invariants, bad input, the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
import yaml
from typer.testing import CliRunner

from elektra.cli import app
from elektra.outputs import netcdf
from elektra.studies.mca import (
    McaError,
    load_spec,
    lp_criteria_from_scenario,
    performance_table,
    rank_acceptability,
    rank_positions,
    read_criteria_data,
    run_mca,
    score_all,
    shifted_weights,
    weight_sensitivity,
)
from tests.conftest import ROOT

runner = CliRunner()
COLUMNS = ["option", "criterion", "value", "unit", "low", "high", "source", "estimate", "method"]


def write_problem(
    folder: Path,
    matrix: list[list[float]],
    directions: list[str],
    weights: list[float],
    methods: dict | None = None,
    ranges: dict | None = None,
    extra: dict | None = None,
) -> Path:
    """Write a spec and its data file for options A1.. and criteria C1..; return the spec."""
    folder.mkdir(parents=True, exist_ok=True)
    options = [f"A{i + 1}" for i in range(len(matrix))]
    criteria = [f"C{j + 1}" for j in range(len(matrix[0]))]
    ranges = ranges or {}
    with (folder / "data.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for i, option in enumerate(options):
            for j, criterion in enumerate(criteria):
                low, high = ranges.get((option, criterion), ("", ""))
                writer.writerow(
                    {
                        "option": option,
                        "criterion": criterion,
                        "value": matrix[i][j],
                        "unit": "1",
                        "low": low,
                        "high": high,
                        "source": "published worked example",
                        "estimate": "false",
                        "method": "",
                    }
                )
    spec = {
        "name": "example",
        "data": "data.csv",
        "options": {o: {"name": o} for o in options},
        "criteria": {c: {"unit": "1", "direction": d} for c, d in zip(criteria, directions)},
        "weightings": {"given": dict(zip(criteria, weights))},
        "methods": methods or {"weighted_sum": {}, "topsis": {}, "promethee_ii": {}},
        "robustness": {"samples": 200, "seed": 7, "sensitivity_steps": 21},
        **(extra or {}),
    }
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def scores_of(path: Path):
    spec = load_spec(path)
    performance = performance_table(spec, read_criteria_data(spec.data_path))
    scores, ranks = score_all(spec, performance)
    return spec, performance, scores.sel(weighting="given"), ranks.sel(weighting="given")


# --------------------------------------------------------------------------------------
# Each method on a published worked example
# --------------------------------------------------------------------------------------


def test_topsis_reproduces_tzeng_and_huang_2011(tmp_path):
    """Tzeng, G.-H. & Huang, J.-J. (2011) Multiple Attribute Decision Making: Methods and
    Applications, CRC Press, TOPSIS example: four alternatives, three benefit criteria,

        A1 = (5, 8, 4), A2 = (7, 6, 8), A3 = (8, 8, 6), A4 = (7, 4, 6), w = (0.3, 0.4, 0.3),

    vector normalisation (the classic TOPSIS of Hwang & Yoon 1981). Published relative
    closeness 0.5037, 0.6581, 0.7482, 0.3340: ranking A3 > A2 > A1 > A4.
    """
    path = write_problem(
        tmp_path,
        [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]],
        ["benefit"] * 3,
        [0.3, 0.4, 0.3],
        methods={"topsis": {"normalisation": "vector"}},
    )
    _, _, scores, ranks = scores_of(path)
    np.testing.assert_allclose(
        scores.sel(mca_method="topsis").values, [0.5037, 0.6581, 0.7482, 0.3340], atol=1e-4
    )
    assert ranks.sel(mca_method="topsis").values.tolist() == [3, 2, 1, 4]


def test_weighted_sum_reproduces_triantaphyllou_2000(tmp_path):
    """Triantaphyllou, E. (2000) Multi-Criteria Decision Making Methods: A Comparative
    Study, Kluwer, p. 6 (also Wikipedia, 'Weighted sum model'): three alternatives, four
    benefit criteria in one unit, w = (0.20, 0.15, 0.40, 0.25),

        A1 = (25, 20, 15, 30), A2 = (10, 30, 20, 30), A3 = (30, 10, 30, 10),

    published WSM scores 21.50, 22.00, 22.00 (A2 and A3 tie). Every column's maximum is 30,
    so with max normalisation (x / max) the scores are the published ones / 30:
    0.7167, 0.7333, 0.7333, and the tie shows as a shared rank 1.5.

    With the default min-max normalisation, worked by hand: C1 (0.75, 0, 1),
    C2 (0.5, 1, 0), C3 (0, 1/3, 1), C4 (1, 1, 0), so
    A1 = 0.2*0.75 + 0.15*0.5 + 0.25*1 = 0.475, A2 = 0.15 + 0.4/3 + 0.25 = 0.5333,
    A3 = 0.2 + 0.4 = 0.6: min-max breaks the tie toward A3.
    """
    matrix = [[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]]
    weights = [0.20, 0.15, 0.40, 0.25]
    path = write_problem(
        tmp_path / "max", matrix, ["benefit"] * 4, weights,
        methods={"weighted_sum": {"normalisation": "max"}},
    )  # fmt: skip
    _, _, scores, ranks = scores_of(path)
    np.testing.assert_allclose(scores.values[0], np.array([21.5, 22.0, 22.0]) / 30)
    assert ranks.values[0].tolist() == [3, 1.5, 1.5]

    path = write_problem(tmp_path / "minmax", matrix, ["benefit"] * 4, weights)
    _, _, scores, ranks = scores_of(path)
    np.testing.assert_allclose(
        scores.sel(mca_method="weighted_sum").values, [0.475, 0.15 + 0.4 / 3 + 0.25, 0.6]
    )
    assert ranks.sel(mca_method="weighted_sum").values.tolist() == [3, 2, 1]


def test_promethee_ii_reproduces_zhao_peng_li_2013(tmp_path):
    """Zhao, H., Peng, Y. & Li, W. (2013) Revised PROMETHEE II for improving efficiency in
    emergency response, Procedia Computer Science 17, 181-188: three alternatives, three
    benefit criteria, w = (0.5, 0.3, 0.2), the usual preference function,

        A1 = (4, 3, 2), A2 = (3, 2, 4), A3 = (5, 1, 3).

    By hand: pi(A1,A2) = 0.8, pi(A2,A1) = 0.2, pi(A1,A3) = 0.3, pi(A3,A1) = 0.7,
    pi(A2,A3) = 0.5, pi(A3,A2) = 0.5; net flows (phi+ - phi-) = 0.1, -0.3, 0.2 as
    published: ranking A3 > A1 > A2.
    """
    path = write_problem(
        tmp_path,
        [[4, 3, 2], [3, 2, 4], [5, 1, 3]],
        ["benefit"] * 3,
        [0.5, 0.3, 0.2],
        methods={"promethee_ii": {"preference_function": "usual"}},
    )
    _, _, scores, ranks = scores_of(path)
    np.testing.assert_allclose(scores.values[0], [0.1, -0.3, 0.2], atol=1e-12)
    assert ranks.values[0].tolist() == [2, 3, 1]


def test_promethee_linear_preference_uses_the_stated_thresholds(tmp_path):
    """Two options on one cost criterion, 1 and 2, type V (vshape_2) with q = 0.5, p = 1.5:
    d = 1 for the cheaper one, P = (1 - 0.5) / (1.5 - 0.5) = 0.5, so net flows +0.5 and
    -0.5 (n - 1 = 1). The default thresholds (q = 0, p = spread = 1) give P = 1: +1, -1.
    """
    methods = {
        "promethee_ii": {
            "preference_function": "vshape_2",
            "thresholds": {"C1": {"indifference": 0.5, "preference": 1.5}},
        }
    }
    path = write_problem(tmp_path / "set", [[1], [2]], ["cost"], [1], methods=methods)
    _, _, scores, _ = scores_of(path)
    np.testing.assert_allclose(scores.values[0], [0.5, -0.5])
    path = write_problem(
        tmp_path / "default", [[1], [2]], ["cost"], [1], methods={"promethee_ii": {}}
    )
    _, _, scores, _ = scores_of(path)
    np.testing.assert_allclose(scores.values[0], [1.0, -1.0])


# --------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------


def test_rank_positions_share_tied_places():
    """Scores (3, 1, 3): the two 3s share places 1 and 2 half each, the 1 takes place 3."""
    positions = rank_positions(np.array([3.0, 1.0, 3.0]))
    np.testing.assert_allclose(positions, [[0.5, 0.5, 0], [0, 0, 1], [0.5, 0.5, 0]])


def test_rank_acceptability_sums_to_one_and_never_ranks_a_dominated_option_first(tmp_path):
    """Three options on two benefit criteria with ranges; A3 = (0, 0) is below both others
    on every criterion in every draw (their ranges stay above 0.5), so it never ranks first
    and always ranks last. Rows (options) and columns (places) each sum to one."""
    path = write_problem(
        tmp_path,
        [[1, 0.6], [0.6, 1], [0, 0]],
        ["benefit", "benefit"],
        [1, 1],
        ranges={("A1", "C1"): (0.8, 1.2), ("A2", "C2"): (0.8, 1.2)},
    )
    spec = load_spec(path)
    performance = performance_table(spec, read_criteria_data(spec.data_path))
    shares = rank_acceptability(spec, performance, samples=200, seed=3)
    np.testing.assert_allclose(shares.sum("place"), 1.0)
    np.testing.assert_allclose(shares.sum("option"), 1.0)
    np.testing.assert_allclose(shares.sel(option="A3", place=1), 0.0)
    np.testing.assert_allclose(shares.sel(option="A3", place=3), 1.0)
    # A1 and A2 are symmetric: with uniform weights each is first about half the time
    first = shares.sel(case="uniform_weights", option=["A1", "A2"], place=1)
    assert np.all(np.abs(first - 0.5) < 0.12)
    again = rank_acceptability(spec, performance, samples=200, seed=3)
    xr.testing.assert_equal(shares, again)


def test_shifted_weights_keep_the_others_in_proportion():
    """Weights (0.5, 0.3, 0.2), criterion 0 set to 0.8: the others share 0.2 as 3:2."""
    np.testing.assert_allclose(
        shifted_weights(np.array([0.5, 0.3, 0.2]), 0, 0.8), [0.8, 0.12, 0.08]
    )


def test_weight_sensitivity_finds_the_switch_worked_by_hand(tmp_path):
    """A1 = (1, 0), A2 = (0, 1), A3 = (0.4, 0.4), two benefit criteria, min-max weighted
    sum: scores w1, 1 - w1 and 0.4, so A2 leads for w1 < 0.5 and A1 above; A3 never
    leads (max(w1, 1 - w1) >= 0.5 > 0.4). The top changes at w1 = 0.5 exactly."""
    path = write_problem(
        tmp_path, [[1, 0], [0, 1], [0.4, 0.4]], ["benefit", "benefit"], [0.7, 0.3],
        methods={"weighted_sum": {}},
    )  # fmt: skip
    spec = load_spec(path)
    sensitivity = weight_sensitivity(
        spec, performance_table(spec, read_criteria_data(spec.data_path))
    )
    switches = sensitivity.switches[sensitivity.switches.criterion == "C1"]
    assert len(switches) == 1
    assert switches.iloc[0].weight == pytest.approx(0.5, abs=1e-4)
    assert (switches.iloc[0].from_option, switches.iloc[0].to_option) == ("A2", "A1")
    assert sensitivity.stable_from.sel(criterion="C1").item() == pytest.approx(0.5, abs=1e-4)
    assert sensitivity.stable_to.sel(criterion="C1").item() == 1.0
    assert "A3" not in set(sensitivity.top.values.ravel())


# --------------------------------------------------------------------------------------
# Weights and bad input
# --------------------------------------------------------------------------------------


def test_weights_are_normalised_to_sum_one(tmp_path):
    spec = load_spec(write_problem(tmp_path, [[1, 2], [2, 1]], ["benefit", "cost"], [3, 1]))
    assert spec.weightings["given"] == {"C1": 0.75, "C2": 0.25}
    assert spec.given_weights["given"] == {"C1": 3, "C2": 1}


def _spec_dict(tmp_path: Path) -> dict:
    path = write_problem(tmp_path, [[1, 2], [2, 1]], ["benefit", "cost"], [1, 1])
    return yaml.safe_load(path.read_text())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["weightings"]["given"].update(C1=-1), "key 'weightings.given.C1'"),
        (
            lambda s: s["weightings"]["given"].update(C1=0, C2=0),
            "key 'weightings.given': all weights are zero",
        ),
        (
            lambda s: s["weightings"]["given"].update(C9=1),
            "key 'weightings.given.C9': unknown criterion",
        ),
        (lambda s: s["weightings"]["given"].pop("C2"), "no weight for criterion 'C2'"),
        (lambda s: s.update(colour="red"), "key 'colour': unknown key"),
        (lambda s: s["options"]["A1"].update(colour="red"), "key 'options.A1.colour': unknown key"),
        (
            lambda s: s["criteria"]["C1"].pop("direction"),
            "key 'criteria.C1.direction': Field required",
        ),
        (lambda s: s["criteria"]["C1"].pop("unit"), "key 'criteria.C1.unit': Field required"),
        (lambda s: s["criteria"]["C1"].update(direction="more"), "key 'criteria.C1.direction'"),
        (lambda s: s["methods"].update(electre={}), "key 'methods.electre': unknown method"),
        (
            lambda s: s["methods"].update(topsis={"normalisation": "zscore"}),
            "key 'methods.topsis.normalisation'",
        ),
        (
            lambda s: s.update(lp_criteria=["profit"]),
            "key 'lp_criteria': unknown LP criterion 'profit'",
        ),
        (
            lambda s: s["methods"].update(promethee_ii={"thresholds": {"C7": {"preference": 1}}}),
            "key 'methods.promethee_ii.thresholds.C7'",
        ),
    ],
)
def test_bad_specs_name_the_file_and_key(tmp_path, change, expected):
    spec = _spec_dict(tmp_path)
    change(spec)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(spec))
    with pytest.raises(McaError) as error:
        load_spec(path)
    assert str(path) in str(error.value)
    assert expected in str(error.value)


def test_unknown_option_and_unit_mismatch_name_both_files(tmp_path):
    spec = _spec_dict(tmp_path)
    spec["options"]["A9"] = {"name": "not in the data"}
    path = tmp_path / "more.yaml"
    path.write_text(yaml.safe_dump(spec))
    parsed = load_spec(path)
    with pytest.raises(McaError, match="option 'A9', criterion 'C1': no value in the data file"):
        performance_table(parsed, read_criteria_data(parsed.data_path))
    spec = _spec_dict(tmp_path)
    spec["criteria"]["C1"]["unit"] = "EUR"
    path.write_text(yaml.safe_dump(spec))
    parsed = load_spec(path)
    with pytest.raises(McaError, match=r"unit '1' differs from 'EUR'.*criteria.C1.unit"):
        performance_table(parsed, read_criteria_data(parsed.data_path))


def test_bad_data_rows_name_the_row(tmp_path):
    path = tmp_path / "data.csv"
    header = ",".join(COLUMNS)
    path.write_text(f"{header}\nA1,C1,3,1,,,a source,true,\n")
    with pytest.raises(McaError, match=r"row 2 \(A1, C1\): an estimate must say how"):
        read_criteria_data(path)
    path.write_text(f"{header}\nA1,C1,3,1,4,5,a source,false,\n")
    with pytest.raises(McaError, match="low <= value <= high"):
        read_criteria_data(path)
    path.write_text(f"{header}\nA1,C1,3,1,,,,false,\n")
    with pytest.raises(McaError, match="column 'source' is empty"):
        read_criteria_data(path)


# --------------------------------------------------------------------------------------
# LP criteria
# --------------------------------------------------------------------------------------


TOY = ROOT / "scenarios" / "toy.yaml"


def _toy_spec(tmp_path: Path, options: dict, from_year: int = 2026) -> Path:
    spec = {
        "name": "toy_mca",
        "scenario": str(TOY),
        "year": 2027,
        "options": options,
        "criteria": {
            "system_cost_if_excluded": {"unit": "MEUR", "direction": "benefit"},
            "emissions_2035_if_excluded": {"unit": "Mt CO2/yr", "direction": "benefit"},
        },
        "lp_criteria": ["system_cost_if_excluded", "emissions_2035_if_excluded"],
        "exclusion": {"from_year": from_year},
        "weightings": {"equal": {"system_cost_if_excluded": 1, "emissions_2035_if_excluded": 1}},
    }
    path = tmp_path / "toy_mca.yaml"
    path.write_text(yaml.safe_dump(spec))
    return path


def test_lp_criteria_equal_separate_runs_with_the_option_excluded(tmp_path):
    """The toy's heat pump (food, from 2026) excluded from 2026: the criteria equal the
    difference between a separate run of a scenario file that sets its national activity
    limit to 0 in 2026-2027, and the toy itself. The heat pump is used in the toy, so the
    exclusion raises cost and emissions (the numbers are not zero)."""
    from elektra.model.pipeline import run

    spec = load_spec(
        _toy_spec(tmp_path, {"heat_pump": {"name": "HP", "routes": ["food_heat_pump"]}})
    )
    values = lp_criteria_from_scenario(spec)["heat_pump"]

    excluded = {"where": {"route": "food_heat_pump", "year": [2026, 2027]}, "value": 0}
    variant = tmp_path / "toy_without_hp.yaml"
    variant.write_text(
        yaml.safe_dump(
            {
                "extends": str(TOY),
                "dataset": str(ROOT / "data" / "toy"),
                "parameters": {
                    "route_activity_limit": [excluded],
                    "route_activity_minimum": [excluded],
                },
            }
        )
    )
    base, without = run(TOY).results, run(variant).results
    cost = without.attrs["objective"] - base.attrs["objective"]
    emissions = float(
        without["emissions"].sel(year=2027).sum() - base["emissions"].sel(year=2027).sum()
    )
    assert values["system_cost_if_excluded"] == pytest.approx(cost, rel=1e-9)
    assert values["emissions_2035_if_excluded"] == pytest.approx(emissions, rel=1e-9)
    assert cost > 1e-6 and emissions > 1e-6


def test_lp_criteria_of_hydrogen_options_equal_separate_runs(tmp_path):
    """The hydrogen toy with grid electrolysis, offshore electrolysis and SMR (worked in
    tests/test_hydrogen.py: electrolysis 3 PJ at 15.5, offshore 4 PJ at 20, SMR 3 at 22.5
    EUR/GJ). Each option's LP criteria, from warm re-solves of the base LP, equal a separate
    run of a scenario file that excludes it. By hand: without offshore, SMR makes its 4 PJ:
    +4 x 22.5 - 80 = +10 MEUR and +4 x 0.075 = +0.3 Mt; without electrolysis, offshore is
    already at its limit, so SMR makes 3 PJ more: +3 x (22.5 - 15.5) = +21 MEUR, +0.225 Mt.
    Levelised cost: offshore 20 EUR/GJ x 0.12 = 2.4 EUR/kg."""
    from elektra.model.pipeline import run
    from tests.hydrogen_cases import CLUSTER, YEAR, hydrogen_case

    grid = {"parameter": "grid_capacity", "cluster": CLUSTER, "value": 250, "unit": "MW"}
    enabled = ("smr", "electrolysis", "offshore")
    scenario = hydrogen_case(tmp_path, enabled, rows=(grid,), policies={"grid": True})
    options = {
        "offshore": {"name": "Offshore", "routes": ["offshore"]},
        "grid": {"name": "Grid electrolysis", "routes": ["electrolysis"]},
    }
    spec = {
        "name": "h2_toy",
        "scenario": str(scenario),
        "year": YEAR,
        "options": options,
        "criteria": {
            "levelised_cost": {"unit": "EUR/kg H2", "direction": "cost"},
            "system_cost_if_excluded": {"unit": "MEUR", "direction": "benefit"},
            "emissions_2035_if_excluded": {"unit": "Mt CO2/yr", "direction": "benefit"},
        },
        "lp_criteria": ["levelised_cost", "system_cost_if_excluded", "emissions_2035_if_excluded"],
        "exclusion": {"from_year": YEAR},
        "weightings": {"equal": {"levelised_cost": 1, "system_cost_if_excluded": 1,
                                 "emissions_2035_if_excluded": 1}},
    }  # fmt: skip
    path = tmp_path / "h2_mca.yaml"
    path.write_text(yaml.safe_dump(spec))
    values = lp_criteria_from_scenario(load_spec(path))
    base = run(scenario).results
    expected = {"offshore": (10.0, 0.3), "grid": (21.0, 0.225)}
    for option, definition in options.items():
        route = definition["routes"][0]
        excluded = {"where": {"route": route, "year": YEAR}, "value": 0}
        variant = hydrogen_case(
            tmp_path / option,
            enabled,
            rows=(grid,),
            policies={"grid": True},
            parameters={"route_activity_limit": [excluded], "route_activity_minimum": [excluded]},
        )
        separate = run(variant).results
        cost = separate.attrs["objective"] - base.attrs["objective"]
        emissions = float(separate["emissions"].sum() - base["emissions"].sum())
        assert values[option]["system_cost_if_excluded"] == pytest.approx(cost, rel=1e-9)
        assert values[option]["emissions_2035_if_excluded"] == pytest.approx(emissions, rel=1e-9)
        assert (cost, emissions) == pytest.approx(expected[option])
    assert values["offshore"]["levelised_cost"] == pytest.approx(2.4)


def test_an_option_that_cannot_be_excluded_is_a_clear_error(tmp_path):
    """Steel has only one route in the toy: excluding it makes the scenario infeasible."""
    spec = load_spec(
        _toy_spec(tmp_path, {"bf_bof": {"name": "BF-BOF", "routes": ["steel_bf_bof"]}})
    )
    with pytest.raises(McaError, match=r"option 'bf_bof' cannot be excluded from 2026.*infeasible"):
        lp_criteria_from_scenario(spec)


# --------------------------------------------------------------------------------------
# The shipped data and spec, and the CLI
# --------------------------------------------------------------------------------------


def test_shipped_spec_has_a_value_for_every_static_cell_and_the_eu_threshold():
    """Every option x criterion that the LP does not give comes from the data file; the
    EU low-carbon threshold is 70 % below 94 g CO2e/MJ: 0.3 x 94 x 120 MJ/kg = 3.38 kg/kg."""
    spec = load_spec(ROOT / "scenarios" / "mca_hydrogen.yaml")
    data = read_criteria_data(spec.data_path)
    assert all(d.routes for d in spec.options.values())
    lp = {o: dict.fromkeys(spec.lp_criteria, 1.0) for o in spec.options}
    table = performance_table(spec, data, lp)
    assert not np.isnan(table.value.values).any()
    assert set(spec.options) == set(data.option)
    threshold = spec.criteria["life_cycle_intensity"].threshold
    assert threshold == pytest.approx(0.3 * 94 * 120 / 1000, abs=0.005)
    assert (data.source != "").all()
    assert (data[data.estimate].method != "").all()


def test_shipped_mca_data_describe_the_lps_plants(base_and_ets_high):
    """Each option of the shipped spec is an LP route, and the data file's life-cycle
    intensity, grid load and CO2 storage need are that route's own figures in the base run,
    2035 (tools/dataset_nl/mca_criteria.py reads the dataset): grid load = grid
    electricity input x 120/3.6 kWh/kg; CO2 storage = captured CO2 per PJ x 120 kg/kg."""
    base = netcdf.read(base_and_ets_high[0] / "results.nc")
    spec = load_spec(ROOT / "scenarios" / "mca_hydrogen.yaml")
    data = read_criteria_data(spec.data_path).set_index(["option", "criterion"])["value"]
    year = {"year": spec.year}
    for option, definition in spec.options.items():
        (route,) = definition.routes
        intensity = float(base["hydrogen_life_cycle_intensity"].sel(route=route, **year))
        assert data[(option, "life_cycle_intensity")] == pytest.approx(intensity, abs=1e-3), option
        electricity = base["input_input"].sel(route=route, carrier="electricity", **year)
        assert data[(option, "grid_load")] == pytest.approx(
            float(electricity) * 120 / 3.6, abs=1e-3
        )
        gross = float(
            (base["input_input"].sel(route=route, **year) * base["input_emission_factor"]).sum()
        )
        captured = (
            gross
            * float(base["input_capture_rate"].sel(route=route))
            * (1 - float(base["input_solid_carbon_share"].sel(route=route)))
        )
        assert data[(option, "co2_storage_need")] == pytest.approx(captured * 120, abs=1e-3)
    base.close()


def test_cli_mca_end_to_end_on_a_tiny_spec(tmp_path):
    spec = write_problem(
        tmp_path / "in", [[1, 3000], [2, 3750], [5, 4500]], ["cost", "benefit"], [1, 1]
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["mca", str(spec), "--out", str(out), "--samples", "20", "--seed", "5"]
    )
    assert result.exit_code == 0, result.output
    assert "weights normalised to sum 1" in result.output
    assert "TOPSIS" in result.output
    ds = netcdf.read(out / "mca.nc")  # performance splits by criterion unit in the file
    assert {"performance", "weight", "score", "ranking", "rank_acceptability"} <= set(ds.data_vars)
    assert ds.attrs["samples"] == 20 and ds.attrs["seed"] == 5
    np.testing.assert_allclose(ds["rank_acceptability"].sum("place"), 1.0)
    ds.close()
    page = (out / "report.html").read_text()
    assert "data:image/png;base64," in page and "normalised to sum 1" in page
    assert json.loads((out / "manifest.json").read_text())["mca_name"] == "example"
    assert not list(tmp_path.glob("out/*.tmp")) and not list(tmp_path.glob(".out*"))

    bad = yaml.safe_load(spec.read_text())
    bad["methods"] = {"ahp": {}}
    spec.write_text(yaml.safe_dump(bad))
    result = runner.invoke(app, ["mca", str(spec), "--out", str(out)])
    assert result.exit_code == 2
    assert "methods.ahp" in result.output


def test_run_mca_without_lp_takes_lp_criteria_from_the_data(tmp_path):
    """With no LP hook, an LP criterion comes from the data file where it has a row."""
    path = write_problem(
        tmp_path, [[3.0, 1], [2.0, 2]], ["cost", "benefit"], [1, 1],
        extra={"lp_criteria": [], "scenario": str(TOY)},
    )  # fmt: skip
    ds = run_mca(path, lp_criteria=None, samples=10)
    assert ds["value_source"].values.ravel().tolist() == ["published worked example"] * 4
