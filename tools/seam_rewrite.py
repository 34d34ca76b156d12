"""Mechanical np. -> xp. at the array seam (issue 20), for re-applying after a merge.

    python tools/seam_rewrite.py src/mitbadak/ops/conv.py ...

In every top-level function or method whose body calls a NumPy function or ufunc (not dtypes,
not shape helpers such as ``np.broadcast_shapes``), insert ``xp = array_module(<its array
arguments>)`` after the docstring and write ``xp.f(...)`` for ``np.f(...)`` (``xnp`` where the
function already has a variable ``xp``, the padded input of conv/pool). NumPy functions held as
values (``reduce = np.max``) are not rewritten: fix those by hand (``counterpart``). Then run
ruff check --fix, ruff format, and tests/test_array_seam.py.
"""

import ast
import sys

import numpy as np

KEEP = {
    "errstate",
    "dtype",
    "broadcast_shapes",
    "result_type",
    "ndim",
    "isscalar",
    "promote_types",
    "can_cast",
    "issubdtype",
    "finfo",
    "iinfo",
    "shape",
    "get_printoptions",
    "printoptions",
    "set_printoptions",
    "seterr",
    "geterr",
    "index_exp",
    "s_",
    "ndindex",
    "nditer",
}
SCALARISH = ("int", "float", "str", "bool", "tuple", "Sequence[int]", "None", "dict")


def replaceable(node):
    f = node.func
    if not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "np"):
        return False
    name = f.attr
    if name in KEEP or not hasattr(np, name):
        return False
    obj = getattr(np, name)
    if isinstance(obj, type) or not callable(obj):
        return False
    if (
        name in ("prod", "sum", "array", "asarray", "arange", "zeros", "ones", "empty", "full")
        and node.args
    ):
        src = ast.unparse(node.args[0])
        if name in ("prod", "sum") and (
            "shape" in src or src.startswith("(") or src.startswith("[")
        ):
            return False
    return True


def params_of(fn):
    out = []
    a = fn.args
    allp = a.posonlyargs + a.args
    for p in allp:
        if p.arg in ("self", "cls"):
            continue
        ann = ast.unparse(p.annotation) if p.annotation is not None else ""
        if ann and (
            ann.split("|")[0].strip() in SCALARISH
            or ann.startswith(("int", "float", "str", "bool", "tuple"))
        ):
            continue
        out.append(p.arg)
    if a.vararg is not None:
        out.append("*" + a.vararg.arg)
    return out[:3]


def binds(fn, name):
    for n in ast.walk(fn):
        if isinstance(n, ast.Name) and n.id == name:
            return True
        if isinstance(n, ast.arg) and n.arg == name:
            return True
    return False


def process(path):
    src = open(path).read()
    tree = ast.parse(src)
    lines = src.split("\n")
    edits = []  # (line, col_start, col_end, text)
    inserts = []  # (after_line_index, text)

    def visit_top(fn):
        calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call) and replaceable(n)]
        if not calls:
            return
        ps = params_of(fn)
        if not ps:
            return  # no array argument to ask: leave it
        var = "xnp" if binds(fn, "xp") else "xp"
        for c in calls:
            f = c.func.value
            edits.append((f.lineno - 1, f.col_offset, f.end_col_offset, var))
        body0 = fn.body[0]
        if (
            isinstance(body0, ast.Expr)
            and isinstance(body0.value, ast.Constant)
            and isinstance(body0.value.value, str)
        ):
            after = body0.end_lineno  # insert after docstring
            ind = body0.col_offset
            if len(fn.body) > 1:
                ind = fn.body[1].col_offset
        else:
            after = body0.lineno - 1
            ind = body0.col_offset
        if after == body0.lineno - 1 and body0.lineno == fn.lineno:
            return  # one-line def: skip
        inserts.append((after, " " * ind + f"{var} = array_module({', '.join(ps)})"))

    def walk(node, in_fn):
        for ch in ast.iter_child_nodes(node):
            if isinstance(ch, (ast.FunctionDef, ast.AsyncFunctionDef)) and not in_fn:
                visit_top(ch)
                walk(ch, True)
            elif isinstance(ch, ast.ClassDef):
                walk(ch, False)
            else:
                walk(ch, in_fn)

    walk(tree, False)
    if not edits:
        return 0
    for ln, a, b, t in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[ln] = lines[ln][:a] + t + lines[ln][b:]
    for after, text in sorted(inserts, reverse=True):
        lines.insert(after, text)
    out = "\n".join(lines)
    # import
    depth = path.split("src/mitbadak/")[1].count("/")
    dots = "." * (depth + 1)
    imp = f"from {dots}backend import array_module\n"
    t2 = ast.parse(out)
    last_import = max(n.end_lineno for n in t2.body if isinstance(n, (ast.Import, ast.ImportFrom)))
    ol = out.split("\n")
    if "import array_module" not in out:
        ol.insert(last_import, imp.rstrip("\n"))
    open(path, "w").write("\n".join(ol))
    return len(edits)


for p in sys.argv[1:]:
    print(process(p), p)
