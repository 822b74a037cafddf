#!/usr/bin/env python3
"""Differential test of Hexr's embedded Rego evaluator against rego-cpp (regopy 1.5.2).

Every directory under cases/ holds one case: one or more *.rego modules, query.txt, and optional
input.json and data.json. This script evaluates each case with rego-cpp, obtains the embedded
evaluator's results (by running the Swift test DifferentialCorpusTests with REGO_DIFF_OUT set, or
from a results file given with --swift-results), compares them (values as JSON, undefined with
undefined, any error with any error) and prints "N passed, M failed" alone on a line. Cases listed
in KNOWN_DIVERGENCES.md (rego-cpp is known to differ from OPA) are skipped with their reason.
Exit status: 0 if nothing failed, 1 otherwise.

Setup:  python3 -m venv venv && venv/bin/pip install regopy==1.5.2
Usage:  venv/bin/python differential.py [--package DIR] [--swift-results FILE] [--record] [-v]
  --package DIR        SwiftPM package whose RegoTests target contains DifferentialCorpusTests
                       (default: the repository root containing this script)
  --swift-results FILE read the embedded evaluator's results from FILE instead of running swift test
  --record             write each case's expected.json from rego-cpp (known divergences untouched)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
DIVERGENCES = os.path.join(HERE, "KNOWN_DIVERGENCES.md")


def known_divergences():
    """Case name -> reason, from lines like "- `012-name`: reason"."""
    result = {}
    with open(DIVERGENCES, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- `([^`]+)`: (.+)$", line.strip())
            if m:
                result[m.group(1)] = m.group(2)
    return result


class SilencedStdout:
    """rego-cpp prints its errors to stdout; keep them out of the report."""

    def __enter__(self):
        sys.stdout.flush()
        self.saved = os.dup(1)
        self.devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(self.devnull, 1)

    def __exit__(self, *exc):
        sys.stdout.flush()
        os.dup2(self.saved, 1)
        os.close(self.saved)
        os.close(self.devnull)


def rego_cpp_result(case_dir):
    from regopy import Interpreter
    from regopy.rego_shared import rego_free_output, rego_output_ok, rego_output_string, rego_query

    interpreter = Interpreter()
    try:
        with SilencedStdout():
            for name in sorted(os.listdir(case_dir)):
                if name.endswith(".rego"):
                    with open(os.path.join(case_dir, name), encoding="utf-8") as f:
                        interpreter.add_module(name, f.read())
            data_path = os.path.join(case_dir, "data.json")
            if os.path.exists(data_path):
                with open(data_path, encoding="utf-8") as f:
                    interpreter.add_data(json.load(f))
            input_path = os.path.join(case_dir, "input.json")
            if os.path.exists(input_path):
                with open(input_path, encoding="utf-8") as f:
                    interpreter.set_input(json.load(f))
            with open(os.path.join(case_dir, "query.txt"), encoding="utf-8") as f:
                query = f.read().strip()
            # Wrapped in an array: rego-cpp reports a query whose value is `false` as undefined.
            handle = rego_query(interpreter._impl, "[" + query + "]")
            ok, output = rego_output_ok(handle), rego_output_string(handle).strip()
            rego_free_output(handle)
    except Exception as error:  # rego-cpp raises RegoError for load and compile errors
        return {"status": "error", "message": " ".join(str(error).split())[:200] or "error"}
    if not ok or output == "<error>" or output.startswith("(error"):
        return {"status": "error", "message": " ".join(output.split())[:200]}
    if output == "undefined":
        return {"status": "undefined"}
    try:
        expressions = json.loads(output).get("expressions", [])
    except json.JSONDecodeError:
        return {"status": "error", "message": "rego-cpp printed invalid JSON: " + output[:200]}
    if len(expressions) != 1 or not isinstance(expressions[0], list) or len(expressions[0]) != 1:
        return {"status": "error", "message": "unexpected rego-cpp output " + output[:200]}
    return {"status": "value", "value": expressions[0][0]}


def swift_results(args):
    if args.swift_results:
        with open(args.swift_results, encoding="utf-8") as f:
            return json.load(f)
    package = args.package or os.path.abspath(os.path.join(HERE, "..", "..", ".."))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "swift-results.json")
        env = dict(os.environ, REGO_DIFF_OUT=out)
        # The test also checks recorded expectations and may fail; its results file is what counts here.
        subprocess.run(["swift", "test", "--filter", "DifferentialCorpusTests"], cwd=package, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(out):
            sys.exit("the Swift test did not write " + out + " (does the package build?)")
        with open(out, encoding="utf-8") as f:
            return json.load(f)


def canonical(value):
    """JSON-normalised form: numbers compared numerically (1 == 1.0), booleans kept distinct."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return ("number", float(value)) if isinstance(value, float) or abs(value) > 2**53 else ("number", value)
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    return value


def same(a, b):
    if a["status"] != b["status"]:
        return False
    if a["status"] != "value":
        return True
    return canonical(a["value"]) == canonical(b["value"])


def describe(result):
    if result["status"] == "value":
        return json.dumps(result["value"], sort_keys=True)
    if result["status"] == "error":
        return "error (" + result.get("message", "")[:160] + ")"
    return "undefined"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package")
    parser.add_argument("--swift-results")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    divergences = known_divergences()
    names = sorted(n for n in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, n)))
    unknown = sorted(set(divergences) - set(names))
    if unknown:
        sys.exit("KNOWN_DIVERGENCES.md names cases that do not exist: " + ", ".join(unknown))
    reference = {name: rego_cpp_result(os.path.join(CASES, name)) for name in names}

    if args.record:
        for name in names:
            if name in divergences:
                continue
            with open(os.path.join(CASES, name, "expected.json"), "w", encoding="utf-8") as f:
                json.dump(reference[name], f, indent=2, sort_keys=True)
                f.write("\n")
        print("recorded", len(names) - len(divergences), "expected.json files")

    ours = swift_results(args)
    passed, failed, skipped = 0, [], []
    for name in names:
        if name in divergences:
            skipped.append(name)
            print(f"skipped {name}: {divergences[name]}")
            continue
        mine = ours.get(name)
        if mine is None:
            failed.append(name)
            print(f"FAIL {name}: no result from the embedded evaluator")
        elif same(reference[name], mine):
            passed += 1
            if args.verbose:
                print(f"ok   {name}: {describe(mine)}")
        else:
            failed.append(name)
            print(f"FAIL {name}: rego-cpp {describe(reference[name])} | embedded {describe(mine)}")
    print(f"{len(skipped)} skipped (known rego-cpp divergences)")
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
