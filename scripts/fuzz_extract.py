"""Fuzz ``ie extract``: N unusual inputs (files and JSONL lines of the kinds in issue 15,
plus random ones), each timed through the pipeline on its own against a bound, then all of
them through the real command in one run: zero crashes, one output line per input.

    python scripts/fuzz_extract.py --n 400 --seed 15 --bound 5 --json eval/reports/fuzz_extract.json
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

GOOD = "Bắc Ninh has 16 industrial parks covering 6,397.68 ha, with VND4,128 billion invested by 2030."
ALPHABET = ["1", "9", ",", ".", " ", "-", "A", "I", "V", "X", "a", "ha", "VND", "$", "US$", "\n", "Ninh", "Bắc", "Park",
            "Industrial", "\u0301", "\u0306", "đ", "Đ", "(", ")", "'", "’", "–", "billion", "2030", "\t", "{", "}", "\"",
            "=", "+", "@", "<script>", "&amp;", "\u200b", "\ufeff", "\u202e", "🙂", "°", "%", "/"]
RARE = ["\x00", "\ud800", "\udfff"]  # make the whole document an error line: used sparingly


def _random_text(rng: random.Random, max_len: int) -> str:
    parts = []
    n = 0
    while n < max_len:
        p = rng.choice(ALPHABET)
        k = rng.choice([1, 1, 1, 2, 5, 50, 500])
        parts.append(p * k)
        n += len(p) * k
    return "".join(parts)[:max_len]


def cases(n: int, seed: int, big: int = 200_000) -> list[tuple[str, object]]:
    """``(kind, payload)``: payload is bytes (a file) or a str (a JSONL line's text, may
    hold lone surrogates or NULs)."""
    rng = random.Random(seed)
    fixed: list[tuple[str, object]] = [
        ("digits", "1" * big), ("money digits", "VND" + "9" * 5000), ("area digits", "1" + "0" * 5000 + " ha"),
        ("thousands", "1,000" * (big // 5)), ("capitals", "A" * big), ("capital words", "Abc " * (big // 4)),
        ("hyphen capitals", "A-" * (big // 2)), ("roman", "IV-" * (big // 3)), ("spaces", "Ha" + " " * big + "x"),
        ("surrogate", "Bac Ninh \ud800 grew"), ("nul late", GOOD * 100 + "\x00"), ("nfd", unicodedata.normalize("NFD", GOOD)),
        ("bom utf8", b"\xef\xbb\xbf" + GOOD.encode()), ("utf16 bom", GOOD.encode("utf-16")),
        ("utf16 no bom", GOOD.encode("utf-16-le")), ("latin1", "Café Bắc".encode("latin-1", "replace")),
        ("binary", bytes(range(256)) * 10), ("empty", b""), ("blank", b" \n\t\n"), ("brace", "{not json} " + GOOD),
        ("formula", "=cmd|' /C calc'!A0 " + GOOD), ("html", "<script>alert(1)</script> " + GOOD),
        ("rtl override", "\u202e" + GOOD), ("one char", "x"), ("only marks", "\u0301" * 1000),
        ("long line", (GOOD + " ") * 2000), ("newlines", "\n" * 10000 + GOOD), ("zero width", "\u200b".join(GOOD)),
        ("emoji", "🙂" * 5000 + GOOD), ("crlf", GOOD.replace(" ", "\r\n")), ("huge magnitude", "VND999,999,999,999 quadrillion"),
    ]
    out = list(fixed)
    while len(out) < n:
        kind = rng.choice(["random", "random", "mutated", "bytes"])
        if kind == "random":
            out.append(("random", _random_text(rng, rng.choice([10, 200, 2000, 20000]))))
        elif kind == "mutated":
            t = list(GOOD * rng.randint(1, 20))
            for _ in range(rng.randint(1, 30)):
                t.insert(rng.randrange(len(t) + 1), rng.choice(ALPHABET if rng.random() > 0.02 else RARE))
            out.append(("mutated", "".join(t)))
        else:
            out.append(("bytes", bytes(rng.randrange(256) for _ in range(rng.choice([1, 64, 4096])))))
    return out[:n]


def write_inputs(items, d: Path) -> tuple[list[str], int]:
    """Byte payloads as .txt files, text payloads as lines of one JSONL file (lone
    surrogates written as JSON escapes); returns the input paths and the number of documents."""
    d.mkdir(parents=True, exist_ok=True)
    files = []
    with (d / "lines.jsonl").open("w", encoding="ascii") as jl:
        for i, (kind, payload) in enumerate(items):
            if isinstance(payload, bytes):
                p = d / f"{i:04d}.txt"
                p.write_bytes(payload)
                files.append(str(p))
            else:
                jl.write(json.dumps({"id": f"j{i}", "text": payload}, ensure_ascii=True) + "\n")
    return files + [str(d / "lines.jsonl")], len(items)


def time_each(items, bound: float) -> dict:
    """Each text through the rule pipeline and the result writer on its own, timed."""
    from ie.components.results import doc_to_result
    from ie.extract.inputs import check_text, decode
    from ie.extract.models import load_model
    from ie.extract.writers import result_line

    nlp = load_model("rules")
    nlp.max_length = 50_000_000
    times, over, crashes = [], [], []
    for i, (kind, payload) in enumerate(items):
        t0 = time.perf_counter()
        try:
            text, err = decode(payload, "x") if isinstance(payload, bytes) else check_text(payload, "x")
            if text is not None:
                try:
                    result_line(doc_to_result(nlp(text), str(i)))
                except (ValueError, UnicodeEncodeError):
                    pass  # becomes an error line in ie extract
        except Exception as exc:  # a crash: reported, and the test fails
            crashes.append(f"{i} {kind}: {exc!r}"[:200])
        dt = time.perf_counter() - t0
        times.append(dt)
        if dt > bound:
            over.append(f"{i} {kind}: {dt:.2f}s")
    times.sort()
    return {"max_s": round(times[-1], 3), "median_s": round(times[len(times) // 2], 4), "over_bound": over,
            "crashes": crashes}


def run_command(inputs: list[str], out: Path) -> tuple[int, list[dict], str]:
    p = subprocess.run([sys.executable, "-m", "ie", "extract", *inputs, "--model", "rules", "--out", str(out),
                        "--csv", str(out.with_suffix(".csv")), "--html", str(out.with_suffix(".html")), "--quiet"],
                       capture_output=True, text=True, timeout=600)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return p.returncode, rows, p.stderr


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--bound", type=float, default=5.0, help="seconds allowed per input")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    items = cases(args.n, args.seed)
    timing = time_each(items, args.bound)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, n = write_inputs(items, Path(tmp) / "in")
        t0 = time.time()
        rc, rows, err = run_command(inputs, Path(tmp) / "out.jsonl")
        wall = round(time.time() - t0, 1)
    ids = [r["id"] for r in rows]
    report = {"command": "python scripts/fuzz_extract.py " + " ".join(argv or sys.argv[1:]), "inputs": n,
              "kinds": sorted({k for k, _ in items}), "bound_s": args.bound, "per_input": timing,
              "exit_code": rc, "output_lines": len(rows), "unique_ids": len(set(ids)),
              "error_lines": sum("error" in r for r in rows), "traceback": "Traceback" in err, "wall_s": wall}
    ok = (not timing["crashes"] and not timing["over_bound"] and rc in (0, 1) and len(rows) == n
          and len(set(ids)) == n and not report["traceback"])
    report["ok"] = ok
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
