"""The policy-comparison benchmark: outputs, resuming, backends; and the throughput tools."""

import csv
import json
import math
import signal
import subprocess
import sys
import time
from pathlib import Path

import matplotlib.image
import matplotlib.pyplot
import matplotlib.text
import openai
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import backends  # noqa: E402
import compare_policies  # noqa: E402
import plots  # noqa: E402
import throughput  # noqa: E402
from cells import Cell, CellStore  # noqa: E402
from propersim_env.llm.stub_server import StubServer  # noqa: E402

SMALL = ["--policies", "never,heuristic,oracle", "--personas", "3,20", "--days", "2", "--seeds", "0"]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare")
    assert compare_policies.main([*SMALL, "--out", str(out), "--workers", "2", "--no-progress"]) == 0
    return out


@pytest.mark.slow
def test_writes_table_csv_json_and_legible_plots(small_run, capsys):
    table = (small_run / "table.md").read_text()
    for heading in ("Means over personas", "Mean score per day", "Recommendations per hour",
                    "Success rate", "Mean score per persona on the final day (day 2)"):
        assert heading in table
    rows = list(csv.DictReader((small_run / "summary.csv").open()))
    assert len(rows) == 3 * 2 * 2
    summary = json.loads((small_run / "summary.json").read_text())
    assert summary["grid"]["personas"] == [3, 20] and summary["grid"]["days"] == 2
    for policy in ("never", "heuristic", "oracle"):
        mine = [r for r in rows if r["policy"] == policy]
        assert summary["overall"][policy]["mean_score"] == pytest.approx(
            sum(float(r["mean_score"]) for r in mine) / len(mine))
        day2 = [float(r["mean_score"]) for r in mine if r["day"] == "1"]
        assert summary["per_day"][policy]["mean_score"][1] == pytest.approx(sum(day2) / 2)
        final = [float(r["mean_score"]) for r in mine if r["day"] == "1" and r["persona"] == "20"]
        assert summary["per_persona_final_day"][policy]["20"] == pytest.approx(final[0])
    assert summary["overall"]["never"]["success_rate"] is None  # no suggestions: undefined, not 0
    assert summary["overall"]["oracle"]["mean_score"] > summary["overall"]["never"]["mean_score"]
    for name in ("score_per_day", "recs_per_hour", "per_persona", "per_criterion"):
        image = matplotlib.image.imread(small_run / "plots" / f"{name}.png")
        assert image.shape[0] >= 500 and image.shape[1] >= 1000
        assert image[..., :3].std() > 0.05  # not a blank canvas


def summary_with_equal_lines() -> dict:
    """Three days of three policies; 'never' and 'periodic' have the same values every day."""
    same = {"mean_score": [3.1, 3.1, 3.1], "mean_score_sem": [0.05] * 3, "recs_per_hour": [0.0, 0.0, 0.0]}
    always = {"mean_score": [1.6, 1.6, 1.7], "mean_score_sem": [0.05] * 3, "recs_per_hour": [24.0, 24.0, 24.0]}
    grid = {"policies": ["never", "periodic", "always"], "personas": [1, 2], "seeds": [0], "days": 3,
            "noise": 0.0, "delay": 0, "split": None, "fold": None}
    return {"grid": grid, "per_day": {"never": same, "periodic": dict(same), "always": always}}


def test_per_day_lines_with_equal_values_stay_apart_and_the_band_is_explained():
    fig = plots.score_per_day_figure(summary_with_equal_lines())
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    never, periodic = lines["never"], lines["periodic"]
    assert list(never.get_ydata()) == list(periodic.get_ydata())
    assert never.get_marker() != periodic.get_marker()
    assert never.get_linestyle() != periodic.get_linestyle()
    assert all(a != b for a, b in zip(never.get_xdata(), periodic.get_xdata())), "points are dodged"
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    assert "band: \u00b11 standard error over personas and seeds" in texts
    matplotlib.pyplot.close(fig)


def test_recs_per_hour_axis_is_log_with_a_short_marked_linear_strip_for_zero():
    fig = plots.recs_per_hour_figure(summary_with_equal_lines())
    ax = fig.axes[0]
    assert ax.get_yscale() == "symlog"

    def height(lo, hi):  # pixels between two values on the y axis
        return ax.transData.transform((1, hi))[1] - ax.transData.transform((1, lo))[1]

    break_at = plots.RECS_LINTHRESH
    assert 0 < height(0, break_at) <= height(break_at, 10 * break_at)
    assert height(1, 2) > height(0.25, 0.45), "a ratio of 2 is taller than a ratio of 1.8"
    assert f"linear from 0 to {break_at:g}" in ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith(f"scale break at {break_at:g}") for t in texts)
    matplotlib.pyplot.close(fig)


@pytest.mark.slow
def test_rerun_skips_finished_cells(small_run, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(backends, "run_cell", lambda *a: calls.append(a) or [])
    assert compare_policies.main([*SMALL, "--out", str(small_run), "--workers", "1", "--no-plots",
                                  "--no-progress"]) == 0
    assert calls == []
    assert "6 cells: 6 finished earlier, 0 to run" in capsys.readouterr().err


@pytest.mark.slow
def test_an_interrupted_run_resumes_without_recomputing_finished_cells(tmp_path, monkeypatch, capsys):
    args = ["--policies", "never,periodic", "--personas", "1,2,3,4,5,6", "--days", "2", "--seeds", "0",
            "--out", str(tmp_path), "--workers", "1", "--no-plots", "--no-progress"]
    cells_dir = tmp_path / "cells"
    proc = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "compare_policies.py"), *args],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(cells_dir.glob("*.json"))) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = {p.name: p.stat().st_mtime_ns for p in cells_dir.glob("*.json")}
    assert 3 <= len(finished) < 12, "the run was not interrupted midway"
    calls = []
    real = backends.run_cell
    monkeypatch.setattr(backends, "run_cell", lambda *a: calls.append(a) or real(*a))
    assert compare_policies.main(args) == 0
    assert len(calls) == 12 - len(finished)
    assert f"12 cells: {len(finished)} finished earlier, {12 - len(finished)} to run" in capsys.readouterr().err
    assert all((cells_dir / name).stat().st_mtime_ns == mtime for name, mtime in finished.items())
    assert len(list(csv.DictReader((tmp_path / "summary.csv").open()))) == 12 * 2
    assert not list(cells_dir.glob(".*"))  # no temporary files left by the resumed run


@pytest.mark.slow
def test_fresh_recomputes_and_a_foreign_cell_file_is_refused(small_run, tmp_path, monkeypatch):
    calls = []
    real = backends.run_cell
    monkeypatch.setattr(backends, "run_cell", lambda *a: calls.append(a) or real(*a))
    args = ["--policies", "never", "--personas", "5", "--out", str(tmp_path), "--workers", "1", "--no-plots",
            "--no-progress"]
    compare_policies.main(args)
    compare_policies.main([*args, "--fresh"])
    assert len(calls) == 2
    store = CellStore(tmp_path)
    path = store.path(Cell("never", 5, 0, 1))
    path.write_text(path.read_text().replace('"persona": 5', '"persona": 6'))
    with pytest.raises(ValueError, match="holds a different cell"):
        compare_policies.main(args)


@pytest.mark.slow
def test_local_and_ray_backends_give_identical_summaries(tmp_path):
    import ray  # a test dependency (the dev extra): imported, never skipped

    grid = ["--policies", "heuristic,random", "--personas", "3,20", "--days", "1", "--seeds", "0,1",
            "--noise", "0.2", "--delay", "2", "--workers", "2", "--no-plots", "--no-progress"]
    assert compare_policies.main([*grid, "--out", str(tmp_path / "local")]) == 0
    assert compare_policies.main([*grid, "--out", str(tmp_path / "ray"), "--backend", "ray"]) == 0
    assert not ray.is_initialized()  # the benchmark shut down the Ray it started
    for name in ("summary.json", "summary.csv", "table.md"):
        assert (tmp_path / "local" / name).read_text() == (tmp_path / "ray" / name).read_text()
    summary = json.loads((tmp_path / "ray" / "summary.json").read_text())
    assert summary["grid"]["noise"] == 0.2 and summary["grid"]["delay"] == 2
    assert not math.isnan(summary["overall"]["heuristic"]["mean_score"])


@pytest.mark.slow
def test_held_out_split_selects_the_documented_personas(tmp_path):
    assert compare_policies.main(["--policies", "never", "--split", "test", "--out", str(tmp_path),
                                  "--workers", "2", "--no-plots", "--no-progress"]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["grid"]["personas"] == [2, 12, 13, 14, 15, 17, 22, 32]
    assert summary["grid"]["split"] == "test" and summary["grid"]["fold"] == 0
    assert "test personas of fold 0" in (tmp_path / "table.md").read_text()


@pytest.mark.parametrize("argv, message", [
    (["--noise", "1.5"], "must be a probability from 0 to 1"),
    (["--delay", "-2"], "must be a non-negative integer"),
    (["--days", "0"], "must be a positive integer"),
    (["--seeds", "0,x"], "seeds must be comma-separated integers"),
    (["--split", "test", "--personas", "1"], "not allowed with argument"),
    (["--fold", "2"], "--fold needs --split"),
    (["--address", "127.0.0.1:6379"], "--address needs --backend ray"),
    (["--backend", "spark"], "invalid choice: 'spark'"),
])
def test_bad_arguments_get_clear_errors(argv, message, capsys):
    with pytest.raises(SystemExit):
        compare_policies.main(argv)
    assert message in capsys.readouterr().err


def test_stub_answers_like_an_openai_server_after_its_latency():
    with StubServer(latency=0.05, reply="Time for a stretch?") as stub:
        client = openai.OpenAI(base_url=stub.base_url, api_key="stub", max_retries=0, timeout=10)
        start = time.perf_counter()
        reply = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        assert time.perf_counter() - start >= 0.05
        assert reply.choices[0].message.content == "Time for a stretch?" and stub.count == 1
        with pytest.raises(openai.NotFoundError):
            client.completions.create(model="m", prompt="hi")
        client.close()
    assert stub.base_url.startswith("http://127.0.0.1:")


@pytest.mark.slow
def test_concurrent_envs_overlap_their_llm_waits():
    with StubServer(latency=0.05) as stub:
        client = openai.OpenAI(base_url=stub.base_url, api_key="stub", max_retries=0, timeout=10)
        one, calls = throughput.llm_throughput(client, 1, 6)
        four, _ = throughput.llm_throughput(client, 4, 6)
        client.close()
        assert stub.count == 6 + 4 * 6
    assert calls == 1.0
    assert four > 2.5 * one


def test_the_embedded_default_makes_no_llm_calls():
    r = throughput.embedded_speed("heuristic", days=1)
    assert r["llm_calls_per_step"] == 0 and r["steps"] > 300 and r["days_per_s"] > 0
