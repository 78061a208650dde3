"""Reads govulncheck -format json output and fails on every vulnerability
that the project's code calls (a finding whose trace starts at a function)
unless .ci/vulncheck-allow.txt lists it with a reason.

usage: python3 .ci/vulncheck.py RESULT.json ALLOW.txt
"""
import json
import sys


def messages(text):
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def main(result, allow_file):
    allowed = {}
    with open(allow_file, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                osv, _, reason = line.partition(" ")
                allowed[osv] = reason.strip()
    with open(result, encoding="utf-8") as f:
        text = f.read()
    summaries, called, imported = {}, {}, set()
    for m in messages(text):
        if "osv" in m:
            summaries[m["osv"]["id"]] = m["osv"].get("summary", "")
        if "finding" in m:
            fd = m["finding"]
            top = fd["trace"][0]
            if top.get("function"):
                fixed = fd.get("fixed_version") or "no release yet"
                called[fd["osv"]] = f'{top.get("module")}@{top.get("version", "")} (fixed in {fixed})'
            else:
                imported.add(fd["osv"])
    bad = sorted(set(called) - set(allowed))
    for osv in sorted(called):
        mark = "allowed" if osv in allowed else "CALLED"
        print(f"{mark}: {osv} {called[osv]}: {summaries.get(osv, '')}")
        if osv in allowed:
            print(f"    why it does not apply: {allowed[osv]}")
    print(f"govulncheck: {len(called)} vulnerabilities reached by the code "
          f"({len(called) - len(bad)} allowed), {len(imported - set(called))} more in "
          f"imported packages or required modules but not called")
    if bad:
        print("govulncheck: vulnerable code is called: " + ", ".join(bad) +
              " (upgrade the module or the toolchain; list it in .ci/vulncheck-allow.txt only if it cannot apply)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
