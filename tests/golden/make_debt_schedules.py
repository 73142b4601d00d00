#!/usr/bin/env python3
"""Golden interest-only and sculpted loan schedules for src/debt.rs, computed independently.

Run:  pip install numpy-financial && python3 tests/golden/make_debt_schedules.py > tests/golden/debt-schedules.csv
Made with numpy-financial 1.0.0 (the sculpted loan's capacity is its npf.npv).

Written from the conventions in docs/methodology-pathways.md "Project debt", not from the Rust:
- draws = loan-to-cost x capex in each month; the fee (% of the loan) with the first draw;
- interest = opening balance x R / 12 (R the nominal annual rate); before repayment it is
  capitalised (added to the balance) or paid;
- repayment starts `grace` months after the month after the last draw and lasts `tenor` months;
- interest only: principal 0, the whole balance with the last payment;
- sculpted: service = max(0, CFADS) / target DSCR, principal = clamp(service - interest, 0,
  balance), the balance with the last payment; the loan-to-cost is first cut to the capacity:
  the present value at r of the services allowed over the tenor (npf.npv) / the balance a
  loan-to-cost of 1 would have when repayment starts.

Columns: case, kind, loan_to_cost, annual_rate_pct, tenor_months, grace_months, capitalise
(0/1), fee_pct, target_dscr, capex, cfads, then the expected loan_to_cost used and, month by
month, draw, interest, capitalised, principal, balance (';'-separated lists).
"""
import random

import numpy_financial as npf


def capacity(capex, cfads, rate, tenor, grace, capitalise, target):
    r = rate / 100 / 12
    last = max(i for i, c in enumerate(capex) if c > 0)
    start = last + 1 + grace
    balance = 0.0
    for spend in capex[:start]:
        interest = balance * r
        balance += spend + (interest if capitalise else 0.0)
    services = [max(0.0, c) / target for c in cfads[start:start + tenor]]
    # npf.npv discounts its first value by (1 + r)^0: a leading 0 puts month `start` at one period.
    pv = float(npf.npv(r, [0.0] + services))
    return pv / balance


def schedule(kind, ltc, rate, tenor, grace, capitalise, fee_pct, target, capex, cfads):
    if kind == "sculpted":
        ltc = min(ltc, capacity(capex, cfads, rate, tenor, grace, capitalise, target))
    r = rate / 100 / 12
    draws = [c * ltc for c in capex]
    last = max(i for i, d in enumerate(draws) if d > 0)
    start = last + 1 + grace
    end = start + tenor
    balance = 0.0
    rows = []
    for m, draw in enumerate(draws):
        interest = balance * r
        capitalised = 0.0
        principal = 0.0
        if m < start:
            if capitalise:
                capitalised = interest
            balance += draw + capitalised
        elif m < end and balance > 0:
            is_last = m + 1 == end
            if kind == "interestOnly":
                principal = balance if is_last else 0.0
            else:
                service = max(0.0, cfads[m]) / target
                principal = balance if is_last else min(max(service - interest, 0.0), balance)
            balance -= principal
        rows.append((draw, interest, capitalised, principal, balance))
    return ltc, rows


rng = random.Random(2026)
cases = []
# Hand-sized: 1,000 drawn in months 0-1, 12 %/yr, interest capitalised, two months' grace.
cases.append(("io-textbook", "interestOnly", 0.8, 12.0, 6, 2, 1, 1.0, 1.3, [500.0, 500.0] + [0.0] * 10, [0.0] * 2 + [30.0] * 10))
cases.append(("sculpted-flat", "sculpted", 0.8, 8.0, 24, 0, 1, 1.0, 1.4, [1000.0] + [0.0] * 30, [0.0] + [20.0] * 30))
cases.append(("sculpted-ramp-paid-interest", "sculpted", 0.9, 6.0, 36, 3, 0, 0.5, 1.25,
              [400.0] * 3 + [0.0] * 45, [0.0] * 3 + [5.0 * (k + 1) for k in range(6)] + [35.0] * 39))
for i in range(5):
    build = rng.randint(1, 18)
    horizon = build + rng.randint(12, 200)
    capex = [rng.uniform(1e6, 5e7) for _ in range(build)] + [0.0] * (horizon - build)
    cfads = [0.0] * build + [rng.uniform(-1e6, 8e6) for _ in range(horizon - build)]
    kind = "sculpted" if i % 2 == 0 else "interestOnly"
    tenor = rng.randint(6, horizon - build)
    grace = rng.randint(0, 6)
    cases.append((f"random-{kind}-{i}", kind, round(rng.uniform(0.3, 0.95), 4), round(rng.uniform(0.0, 15.0), 3),
                  max(1, tenor - grace), grace, rng.randint(0, 1), round(rng.uniform(0, 3), 2),
                  round(rng.uniform(1.05, 2.0), 3), capex, cfads))

print("case,kind,loan_to_cost,annual_rate_pct,tenor_months,grace_months,capitalise,fee_pct,target_dscr,capex,cfads,"
      "ltc_used,draw,interest,capitalised,principal,balance")
for name, kind, ltc, rate, tenor, grace, cap, fee, target, capex, cfads in cases:
    used, rows = schedule(kind, ltc, rate, tenor, grace, cap == 1, fee, target, capex, cfads)
    cols = [name, kind, repr(ltc), repr(rate), str(tenor), str(grace), str(cap), repr(fee), repr(target),
            ";".join(repr(x) for x in capex), ";".join(repr(x) for x in cfads), repr(used)]
    for j in range(5):
        cols.append(";".join(repr(row[j]) for row in rows))
    print(",".join(cols))
