#!/usr/bin/env python3
"""Straightforward applicant-proposing deferred acceptance in Python, the baseline that
`clerkship match` is compared with (bench/RESULTS-match.md): read the JSON, match, write the JSON.

    python3 bench/python_da.py INPUT.json OUTPUT.json

Couple members (no own ranking) stay unmatched and max_assignments is treated as 1: this is the
couple-free, single-block algorithm, i.e. less work than the engine does on the full instance.
A pair is acceptable only if each side ranks the other.
"""
import json
import sys
import time


def main() -> None:
    started = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    programs = doc["programs"]
    applicants = doc["applicants"]
    capacity = {p["id"]: p["capacity"] for p in programs}
    rank = {p["id"]: {a: r for r, a in enumerate(p["ranking"])} for p in programs}
    lists = {a["id"]: a.get("ranking", []) for a in applicants}

    match_started = time.perf_counter()
    held = {p: [] for p in capacity}  # program -> list of (rank, applicant)
    next_choice = {a: 0 for a in lists}
    free = [a for a in lists if lists[a]]
    proposals = 0
    while free:
        a = free.pop()
        choices = lists[a]
        while next_choice[a] < len(choices):
            p = choices[next_choice[a]]
            next_choice[a] += 1
            r = rank[p].get(a)
            if r is None:
                continue
            proposals += 1
            seats = held[p]
            if len(seats) < capacity[p]:
                seats.append((r, a))
                break
            worst = max(seats)
            if r < worst[0]:
                seats.remove(worst)
                seats.append((r, a))
                free.append(worst[1])
                break
    match_ms = (time.perf_counter() - match_started) * 1000

    assignment = {a: [] for a in lists}
    for p, seats in held.items():
        for _, a in seats:
            assignment[a].append(p)
    matched = sum(1 for v in assignment.values() if v)
    unfilled = sum(max(0, capacity[p] - len(seats)) for p, seats in held.items())
    out = {
        "assignments": assignment,
        "stable": True,
        "blocking_pairs": [],
        "stats": {
            "applicants": len(applicants),
            "programs": len(programs),
            "matched": matched,
            "unfilled_seats": unfilled,
            "proposals": proposals,
            "milliseconds": round(match_ms, 3),
        },
    }
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
    print(f"total {1000 * (time.perf_counter() - started):.0f} ms, match {match_ms:.0f} ms, "
          f"proposals {proposals}", file=sys.stderr)


if __name__ == "__main__":
    main()
