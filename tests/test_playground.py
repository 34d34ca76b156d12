"""The playground's server through HTTP: sessions, training, export, digits, bad input."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import numpy as np
import pytest

from mitbadak.callbacks import Callback
from mitbadak.errors import ConfigError, DataError
from mitbadak.playground import make_server, parse_setup
from mitbadak.playground.datasets import feature_matrix, make_points, parse_csv, split
from mitbadak.playground.engine import PlaygroundRun
from mitbadak.playground.export import export_script


@pytest.fixture(scope="module")
def server():
    srv = make_server(port=0)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def call(base, method, path, body=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def new(base, setup=None, kind="playground"):
    status, r = call(base, "POST", "/api/session", {"kind": kind, "setup": setup or {}})
    assert status == 200, r
    return r


# ------------------------------------------------------------------------ data sets
@pytest.mark.parametrize("name", ["circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss"])
def test_data_sets_are_seeded_and_in_the_square(name):
    a, ya = make_points(name, n=200, noise=0.2, seed=3)
    b, yb = make_points(name, n=200, noise=0.2, seed=3)
    c, _ = make_points(name, n=200, noise=0.2, seed=4)
    assert a.shape == (200, 2) and ya.shape == (200, 1)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(a, c)
    assert np.abs(a).max() < 8
    if not name.startswith("reg"):
        assert set(np.unique(ya)) == {0.0, 1.0}
        assert 0.3 < ya.mean() < 0.7  # balanced


def test_xor_labels_follow_the_quadrants_without_noise():
    pts, y = make_points("xor", n=300, noise=0.0, seed=0)
    np.testing.assert_array_equal(y.ravel(), (pts[:, 0] * pts[:, 1] >= 0).astype(float))


def test_features_and_split():
    pts = np.array([[1.0, 2.0], [0.0, -1.0]])
    x = feature_matrix(pts, ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "cosx2"])
    np.testing.assert_allclose(x[0], [1, 2, 1, 4, 2, np.sin(1), np.cos(2)], rtol=1e-6)
    xt, yt, xv, yv = split(np.arange(20.0).reshape(10, 2), np.arange(10.0), ratio=0.6, seed=1)
    assert len(xt) == 6 and len(xv) == 4
    assert sorted(np.concatenate([xt[:, 0], xv[:, 0]]).tolist()) == list(np.arange(0, 20, 2))


def test_csv_parsing_and_errors():
    pts, y = parse_csv("x,y,label\n1,1,-1\n2,3,1\n3,1,1\n4,4,-1\n")
    assert y.ravel().tolist() == [0, 1, 1, 0] and pts.min() == -5 and pts.max() == 5
    for bad, what in [
        ("", "empty"),
        ("1,2\n3,4\n", "3 values"),
        ("a,b,c\n1,2,x\n", "numbers"),
        ("1,2,0\n2,3,1\n", "at least 4"),
        ("1,2,0\n2,nan,1\n3,3,0\n4,4,1\n", "finite"),
    ]:
        with pytest.raises(DataError, match=what):
            parse_csv(bad)


def test_setup_errors_name_the_control():
    for query, what in [
        ({"lr": "abc"}, "learning rate"),
        ({"lr": "-1"}, "learning rate"),
        ({"hidden": "4,x"}, "neurons per layer"),
        ({"hidden": "4,100000"}, "neurons per layer"),
        ({"hidden": "1,1,1,1,1,1,1,1"}, "hidden layers"),
        ({"samples": "100000000"}, "number of points"),
        ({"batch": "0"}, "batch size"),
        ({"dataset": "moons"}, "data set"),
        ({"features": "x3"}, "features"),
        ({"dropout": "1.5"}, "dropout"),
        ({"dataset": "csv"}, "upload"),
    ]:
        with pytest.raises(ConfigError, match=what):
            parse_setup(query)
    with pytest.raises(ConfigError, match="does not fit a regression"):
        PlaygroundRun(parse_setup({"dataset": "reg-plane", "loss": "binary_crossentropy"}))
    s = parse_setup({"dataset": "spiral", "hidden": "8,6", "bn": "1", "reg": "l2"})
    assert parse_setup(s.to_query()) == s


# ------------------------------------------------------------------------ HTTP
def test_page_and_static_files_are_served(server):
    for path, kind in [("/", "text/html"), ("/app.js", "javascript"), ("/style.css", "text/css")]:
        with urllib.request.urlopen(server + path) as r:
            assert r.status == 200 and kind in r.headers["Content-Type"]
            body = r.read().decode()
        assert "http://" not in body and "https://" not in body  # no CDN, no network
    with urllib.request.urlopen(server + "/") as r:
        page = r.read().decode()
    for ident in ('id="epoch"', 'id="train-loss"', 'id="test-loss"', 'id="play"'):
        assert ident in page


def test_step_trains_and_loss_falls(server):
    r = new(server, {"dataset": "xor", "hidden": "4,2", "lr": "0.1", "samples": "200"})
    sid = r["session"]
    assert r["state"]["epoch"] == 0 and len(r["inputs"]["train_points"]) == 100
    first = r["state"]["train_loss"]
    for _ in range(15):
        status, r = call(server, "POST", f"/api/{sid}/step")
        assert status == 200
    s = r["state"]
    assert s["epoch"] == 15 and s["train_loss"] < first
    assert (
        s["heat_size"] == 100
        and len(base64.b64decode(s["heat"])) == 100**2
        and len(s["neurons"]) == 2
        and len(s["neurons"][0]) == 4
    )
    assert [np.shape(w) for w in s["weights"]] == [(2, 4), (4, 2), (2, 1)]
    assert len(s["train_curve"]) == 16


def test_play_runs_in_the_background_and_pause_stops(server):
    sid = new(server, {"dataset": "circle", "samples": "100"})["session"]
    call(server, "POST", f"/api/{sid}/play", {"on": True})
    t0 = time.monotonic()
    status, r = call(server, "GET", f"/api/{sid}/state?epoch=0&version=1")
    assert status == 200 and r["state"]["epoch"] >= 1 and time.monotonic() - t0 < 5
    call(server, "POST", f"/api/{sid}/play", {"on": False})
    time.sleep(0.5)  # an epoch under way when paused still finishes
    _, a = call(server, "GET", f"/api/{sid}/state?epoch=-1&version=1")
    time.sleep(0.3)
    _, b = call(server, "GET", f"/api/{sid}/state?epoch=-1&version=1")
    assert a["state"]["epoch"] == b["state"]["epoch"] and not b["running"]


def test_two_sessions_train_their_own_networks(server):
    a = new(server, {"dataset": "xor", "seed": "1", "samples": "100"})["session"]
    b = new(server, {"dataset": "spiral", "seed": "2", "samples": "100", "hidden": "3"})["session"]
    for sid in (a, b):
        call(server, "POST", f"/api/{sid}/play", {"on": True})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        states = [call(server, "GET", f"/api/{sid}/state?epoch=0&version=1")[1] for sid in (a, b)]
        if all(st["state"]["epoch"] > 0 for st in states):
            break
    ra = call(server, "POST", f"/api/{a}/play", {"on": False})[1]
    rb = call(server, "POST", f"/api/{b}/play", {"on": False})[1]
    assert ra["state"]["epoch"] > 0 and rb["state"]["epoch"] > 0
    assert len(ra["state"]["weights"]) == 3 and len(rb["state"]["weights"]) == 2


def test_bad_input_gets_a_message_and_the_server_lives(server):
    sid = new(server, {"samples": "50"})["session"]
    cases = [
        ("POST", "/api/session", {"setup": {"lr": "fast"}}, 400, "learning rate"),
        ("POST", f"/api/{sid}/setup", {"setup": {"hidden": "4,99999"}}, 400, "neurons"),
        ("POST", f"/api/{sid}/setup", {"setup": {"samples": "1e12"}}, 400, "number of points"),
        ("POST", f"/api/{sid}/setup", {"setup": {"dataset": "csv", "csv": "1,2\n"}}, 400, "CSV"),
        ("POST", f"/api/{sid}/setup", {"setup": {"dataset": "csv", "csv": 5}}, 400, "CSV"),
        ("POST", f"/api/{sid}/setup", {"setup": ["x"]}, 400, "setup"),
        ("POST", "/api/nope/step", None, 404, "expired"),
        ("GET", f"/api/{sid}/state?epoch=abc", None, 400, "numbers"),
        ("POST", f"/api/{sid}/predict", {"pixels": [1]}, 400, "digits tab"),
        ("GET", "/nothing", None, 404, "no such page"),
    ]
    for method, path, body, code, what in cases:
        status, r = call(server, method, path, body)
        assert status == code and what in r["error"], (path, r)
    status, r = call(server, "POST", f"/api/{sid}/setup", raw=b"{not json")
    assert status == 400 and "JSON" in r["error"]
    status, r = call(server, "POST", f"/api/{sid}/setup", raw=b"x" * 2_100_000)
    assert status == 413
    # still serving, and the old setup still trains
    status, r = call(server, "POST", f"/api/{sid}/step")
    assert status == 200 and r["state"]["epoch"] == 1


def test_csv_upload_trains(server):
    rng = np.random.default_rng(0)
    pts = rng.normal(size=(60, 2))
    rows = "\n".join(f"{a:.4f},{b:.4f},{int(a > b)}" for a, b in pts)
    r = new(server, {"dataset": "csv", "csv": "a,b,label\n" + rows})
    assert r["inputs"]["task"] == "classification" and len(r["inputs"]["train_points"]) == 30
    status, r = call(server, "POST", f"/api/{r['session']}/step")
    assert status == 200 and r["state"]["epoch"] == 1


def test_divergence_is_reported_not_crashed(server):
    sid = new(server, {"dataset": "reg-plane", "lr": "10", "hidden": "8,8", "activation": "relu"})[
        "session"
    ]
    for _ in range(10):
        status, r = call(server, "POST", f"/api/{sid}/step")
        assert status == 200
        if r["error"]:
            break
    assert r["error"] and "diverged" in r["error"]


@pytest.mark.parametrize(
    "setup",
    [
        {"dataset": "xor", "hidden": "4,2", "lr": "0.1", "samples": "200", "seed": "3"},
        {
            "dataset": "spiral",
            "features": "x1,x2,sinx1,sinx2",
            "hidden": "6,4",
            "activation": "relu",
            "optimizer": "adam",
            "lr": "0.01",
            "reg": "l2",
            "regrate": "0.001",
            "dropout": "0.1",
            "bn": "1",
            "init": "he_normal",
            "samples": "120",
            "batch": "16",
            "noise": "10",
        },
        {"dataset": "reg-gauss", "loss": "huber", "optimizer": "momentum", "samples": "100"},
    ],
)
def test_exported_script_reproduces_the_page_loss(server, setup, tmp_path):
    sid = new(server, setup)["session"]
    for _ in range(4):
        _, r = call(server, "POST", f"/api/{sid}/step")
    page_train, page_test = r["state"]["train_loss"], r["state"]["test_loss"]
    status, ex = call(server, "POST", f"/api/{sid}/export")
    assert status == 200 and ex["epoch"] == 4
    path = tmp_path / "exported.py"
    path.write_text(ex["script"])
    out = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    words = out.strip().splitlines()[-1].split()  # the Doctor (if any) may print before
    train, test = float(words[words.index("train") + 2]), float(words[words.index("test") + 2])
    assert train == page_train and test == page_test  # bit for bit


def test_export_of_a_csv_setup_embeds_the_data():
    code = export_script(parse_setup({"dataset": "csv", "csv": "0,0,0\n1,1,1\n2,0,0\n0,2,1\n"}))
    assert "CSV_TEXT = " in code and "parse_csv" in code
    compile(code, "x.py", "exec")


# ------------------------------------------------------------------------ digits
def test_digits_session(server):
    r = new(server, {"d_model": "mlp", "d_hidden": "16"}, kind="digits")
    sid = r["session"]
    assert r["inputs"]["size"] == 8
    n_test = r["inputs"]["n_test"]
    for _ in range(3):
        _, r = call(server, "POST", f"/api/{sid}/step")
    s = r["state"]
    assert s["epoch"] == 3 and s["test_acc"] > 0.6
    cm = np.array(s["confusion"])
    assert n_test == 360 and cm.shape == (10, 10) and cm.sum() == n_test
    assert len(s["filters"]) == 16 and np.shape(s["filters"][0]) == (8, 8)
    _, a = call(server, "GET", f"/api/{sid}/activations?index=5")
    assert [x["name"] for x in a["layers"]] == ["Flatten", "Dense", "Dense"]
    assert abs(sum(a["probs"]) - 1) < 1e-3
    t, p = np.unravel_index(np.argmax(cm - np.diag(np.diag(cm))), cm.shape)
    _, c = call(server, "GET", f"/api/{sid}/cell?true={t}&pred={p}")
    assert c["count"] == cm[t, p] and len(c["images"]) == min(cm[t, p], 24)
    _, pr = call(server, "POST", f"/api/{sid}/predict", {"pixels": [0.0] * 64})
    assert len(pr["probs"]) == 10 and abs(sum(pr["probs"]) - 1) < 1e-3
    status, e = call(server, "POST", f"/api/{sid}/predict", {"pixels": ["a"] * 64})
    assert status == 400 and "drawing" in e["error"]
    status, e = call(server, "GET", f"/api/{sid}/activations?index=99999")
    assert status == 400 and "index" in e["error"]


def test_digits_cnn_filters(server):
    r = new(server, {"d_model": "cnn", "d_hidden": "8"}, kind="digits")
    _, r = call(server, "POST", f"/api/{r['session']}/step")
    assert len(r["state"]["filters"]) == 8 and np.shape(r["state"]["filters"][0]) == (3, 3)


# ------------------------------------------------------------------------ command
def test_port_taken_is_one_clear_line():
    srv = make_server(port=0)
    try:
        port = srv.server_address[1]
        out = subprocess.run(
            [sys.executable, "-m", "mitbadak", "playground", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        srv.server_close()
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "already in use" in out.stderr


def test_ctrl_c_shuts_down_cleanly():
    import signal

    proc = subprocess.Popen(
        [sys.executable, "-m", "mitbadak", "playground", "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started in the background (`pytest &`) ignores SIGINT, and a child that
        # starts with SIGINT ignored keeps ignoring it: give it the terminal's default
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line
        url = line.split()[2]
        with urllib.request.urlopen(url) as r:
            assert r.status == 200
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "stopped" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "module",
    ["datasets", "setup", "values", "engine", "export", "session", "digits", "server", "__init__"],
)
def test_docstring_examples_run(module):
    import doctest
    import importlib

    name = "mitbadak.playground" + ("" if module == "__init__" else f".{module}")
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


class FakeDoctor(Callback):
    """Stands in for mitbadak's Doctor: a callback whose ``findings`` grow during fit."""

    def __init__(self, verbose=1):
        super().__init__()
        self.findings = []

    def on_epoch_end(self, epoch, logs=None):
        if epoch == 1:
            self.findings.append(
                SimpleNamespace(code="demo", message="The loss <fell>.", fix="Nothing.", epoch=1)
            )


def test_doctor_findings_reach_the_page(server, monkeypatch):
    import mitbadak.playground.engine as engine

    monkeypatch.setattr(engine, "load_doctor", lambda: FakeDoctor)
    r = new(server, {"dataset": "xor", "samples": "60"})
    assert r["inputs"]["doctor"] is True and r["state"]["findings"] == []
    sid = r["session"]
    call(server, "POST", f"/api/{sid}/step")
    _, r = call(server, "POST", f"/api/{sid}/step")
    assert r["state"]["findings"] == [
        {"code": "demo", "message": "The loss <fell>.", "fix": "Nothing.", "epoch": 2}
    ]


def test_without_a_doctor_the_playground_still_works(server, monkeypatch):
    import mitbadak.playground.engine as engine

    monkeypatch.setattr(engine, "load_doctor", lambda: None)
    r = new(server, {"dataset": "xor", "samples": "60"})
    assert r["inputs"]["doctor"] is False
    _, r = call(server, "POST", f"/api/{r['session']}/step")
    assert r["state"]["epoch"] == 1 and r["state"]["findings"] == []


def test_digits_on_mnist_through_the_loader(server):
    from mitbadak.playground.digits import DigitsRun, parse_digits_setup

    try:
        run = DigitsRun(parse_digits_setup({"data": "mnist", "model": "mlp", "hidden": "16"}))
    except DataError as e:
        pytest.skip(f"no MNIST files here: {e}")
    run.train_epoch()
    assert run.size == 28 and len(run.x_train) == 3000 and run.test_acc[-1] > 0.5
    assert len(run.predict(np.zeros(784))) == 10
    assert np.shape(run.filters()[0]) == (28, 28)


def test_many_tabs_drop_the_longest_unseen_session():
    from mitbadak.playground.engine import PlaygroundRun
    from mitbadak.playground.session import MAX_SESSIONS, Session, Sessions

    sessions = Sessions()
    setup = parse_setup({"samples": "20"})
    made = [sessions.add(Session(lambda: PlaygroundRun(setup))) for _ in range(MAX_SESSIONS + 2)]
    try:
        assert len(sessions.items) == MAX_SESSIONS
        assert sessions.get(made[0].id) is None and sessions.get(made[-1].id) is made[-1]
        assert made[0].closed and not made[-1].closed
    finally:
        sessions.close_all()
    made[0].thread.join(timeout=5)
    assert not made[0].thread.is_alive()


def test_drawn_points_are_the_training_points():
    run = PlaygroundRun(parse_setup({"dataset": "spiral", "features": "x1,x2,x1x2", "ratio": "30"}))
    np.testing.assert_allclose(feature_matrix(run.points_train, ["x1", "x2", "x1x2"]), run.x_train)
    np.testing.assert_allclose(feature_matrix(run.points_test, ["x1", "x2", "x1x2"]), run.x_test)
    inputs = run.inputs()
    assert np.array(inputs["train_points"])[:, 2].tolist() == run.y_train.ravel().tolist()
    assert len(inputs["train_points"]) == 120 and len(inputs["test_points"]) == 280
