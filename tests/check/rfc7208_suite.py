#!/usr/bin/python3
"""Turns the openspf.org RFC 7208 test suite (YAML) into what the C++ conformance test serves and
checks: for each section, the zone data as master-file records for NSD, the names that must time
out, and the test cases. Usage: rfc7208_suite.py SUITE.yml OUTPUT.json"""
import json
import sys

import yaml

PLAIN_NAME_BYTES = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def as_bytes(text):
    # The suite writes raw bytes as \xNN escapes, which YAML reads as code points below 256.
    return text.encode("latin-1")


def owner(name):
    escaped = "".join(chr(b) if b in PLAIN_NAME_BYTES else "\\%03d" % b for b in as_bytes(name))
    return escaped if escaped.endswith(".") else escaped + "."


def character_string(text):
    out = []
    for b in as_bytes(text):
        out.append(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else "\\%03d" % b)
    return '"' + "".join(out) + '"'


def txt_data(value):
    strings = value if isinstance(value, list) else [value]
    if not strings:
        # A TXT record with no strings is malformed (RFC 1035 section 3.3.14 asks for one or
        # more) and libunbound refuses the whole RRset as SERVFAIL, so it is served as one empty
        # string: the case still checks that a non-SPF record beside the SPF record is ignored.
        strings = [""]
    return " ".join(character_string(s) for s in strings)


def section(document):
    records, timeouts = [], {}
    for name, entries in (document.get("zonedata") or {}).items():
        key = name.lower()
        has_txt = any(isinstance(e, dict) and "TXT" in e for e in entries)
        types = set()
        for entry in entries:
            if entry == "TIMEOUT":
                timeouts.setdefault(key, set())
                continue
            (kind, value), = entry.items()
            if kind == "TXT" and value == "NONE":
                continue
            if kind in ("SPF", "TXT"):
                records.append("%s SPF %s" % (owner(name), txt_data(value)) if kind == "SPF"
                               else "%s TXT %s" % (owner(name), txt_data(value)))
                types.add(99 if kind == "SPF" else 16)
                # The suite's drivers publish an SPF-type record as TXT too unless the name has
                # TXT records of its own.
                if kind == "SPF" and not has_txt:
                    records.append("%s TXT %s" % (owner(name), txt_data(value)))
                    types.add(16)
            elif kind in ("A", "AAAA"):
                records.append("%s %s %s" % (owner(name), kind, value))
                types.add(1 if kind == "A" else 28)
            elif kind == "MX":
                preference, exchange = value
                records.append("%s MX %d %s" % (owner(name), preference, owner(exchange) if exchange else "."))
                types.add(15)
            elif kind in ("PTR", "CNAME"):
                records.append("%s %s %s" % (owner(name), kind, owner(value)))
                types.add(12 if kind == "PTR" else 5)
            else:
                raise ValueError("unknown record type %s at %s" % (kind, name))
        if key in timeouts:
            timeouts[key] |= types
    cases = []
    for test_name, case in document["tests"].items():
        results = case["result"]
        cases.append({
            "name": test_name,
            "helo": case["helo"],
            "host": case["host"],
            "mailfrom": case["mailfrom"],
            "results": results if isinstance(results, list) else [results],
            "explanation": case.get("explanation"),
        })
    return {
        "description": document["description"],
        "zone": "\n".join(records) + "\n",
        # Names whose queries go unanswered, except for the types they have records of.
        "timeouts": {name: sorted(types) for name, types in timeouts.items()},
        "cases": cases,
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as suite:
        documents = [d for d in yaml.safe_load_all(suite) if d]
    with open(sys.argv[2], "w", encoding="ascii") as out:
        json.dump([section(d) for d in documents], out, indent=1)


if __name__ == "__main__":
    main()
