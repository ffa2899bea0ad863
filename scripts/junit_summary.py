#!/usr/bin/env python3
"""Adds up JUnit XML reports: prints one line per report, then 'N passed, N failed'."""
import sys
import xml.etree.ElementTree as ET

total_passed = total_failed = total_skipped = 0
for label_path in sys.argv[1:]:
    label, path = label_path.split("=", 1)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"{label}: no report ({e})")
        total_failed += 1
        continue
    cases = root.iter("testcase")
    passed = failed = skipped = 0
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None or case.get("status") in ("notrun", "disabled"):
            skipped += 1
        else:
            passed += 1
    print(f"{label}: {passed} passed, {failed} failed, {skipped} skipped")
    total_passed += passed
    total_failed += failed
    total_skipped += skipped
print(f"{total_passed} passed, {total_failed} failed, {total_skipped} skipped")
sys.exit(1 if total_failed else 0)
