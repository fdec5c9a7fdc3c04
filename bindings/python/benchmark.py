"""The Python package's overhead, as docs/performance.md records it: the median of 7 rounds of
(a) one calendar call, (b) one date of a batch call, (c) one case of a 100,000-case check_many.

    COMPACT_LIBRARY=build/release/lib/libcompact.so /usr/bin/python3 bindings/python/benchmark.py
"""

import datetime
import json
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import compact  # noqa: E402


def median_seconds(work, rounds=7):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    calendar = compact.Calendar()
    day = datetime.date(2024, 12, 13)
    calls = 100_000
    per_call = median_seconds(lambda: [calendar.add_working_days(day, 30) for _ in range(calls)])
    print(f"Calendar.add_working_days: {per_call / calls * 1e6:.2f} us a call")
    days = [day + datetime.timedelta(days=i % 3000) for i in range(calls)]
    per_batch = median_seconds(lambda: calendar.add_working_days_many(days, 30))
    print(f"Calendar.add_working_days_many: {per_batch / calls * 1e6:.2f} us a date")

    engine = compact.Engine()
    case = json.dumps({
        "organisations": [{"id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public",
                           "kind": "council"},
                          {"id": "larder", "name": "Thornaby Community Larder", "sector": "vcse",
                           "kind": "charity"}],
        "commissions": [{"id": "G1", "commissioner": "sbc", "provider": "larder", "approach": "grant",
                         "start_on": "2015-04-01", "end_on": "2018-03-31",
                         "decision_notified_on": "2015-01-01",
                         "payments": [{"id": "INV-1", "kind": "invoice", "received_on": "2015-05-01",
                                       "paid_on": "2015-05-20"}]}]})
    cases = [case] * calls
    as_of = datetime.date(2016, 6, 30)
    per_case = median_seconds(lambda: engine.check_many(cases, as_of), rounds=3)
    print(f"Engine.check_many, {calls} cases: {per_case:.2f} s ({per_case / calls * 1e6:.1f} us a case)")


if __name__ == "__main__":
    main()
