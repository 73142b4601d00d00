#!/usr/bin/env python3
"""Golden annuity schedules for src/debt.rs, computed by an independent implementation.

Run:  pip install numpy-financial && python3 tests/golden/make_debt_cases.py > tests/golden/debt.csv
Made with numpy-financial 1.0.0.

The loan B is drawn in month 0 (all of the capex at loan-to-cost 1, no fee, interest paid) and
repaid as an annuity over n months from month 1, at the nominal annual rate R, monthly rate
r = R / 12. Month k of the repayment (k = 1..n) pays interest -npf.ipmt(r, k, n, B) and
principal -npf.ppmt(r, k, n, B).

Columns: case, loan_usd, annual_rate_pct, months, interest (';'-separated), principal (same).
"""
import random

import numpy_financial as npf

cases = [
    ("textbook-1000-12pct-12m", 1000.0, 12.0, 12),
    ("zero-rate", 600.0, 0.0, 6),
    ("project-800m-6.5pct-15y", 800e6, 6.5, 180),
    ("sofr-plus-250bp-7y", 583.68e6, 6.8, 84),
]
rng = random.Random(2026)
for i in range(6):
    cases.append((f"random-{i}", round(rng.uniform(1e3, 1e9), 2), round(rng.uniform(0.5, 15.0), 3), rng.randint(1, 240)))

print("case,loan_usd,annual_rate_pct,months,interest,principal")
for name, loan, rate, n in cases:
    r = rate / 100 / 12
    interest = [-float(npf.ipmt(r, k, n, loan)) for k in range(1, n + 1)]
    principal = [-float(npf.ppmt(r, k, n, loan)) for k in range(1, n + 1)]
    print(f"{name},{loan!r},{rate!r},{n},{';'.join(repr(x) for x in interest)},{';'.join(repr(x) for x in principal)}")
