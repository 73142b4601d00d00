#!/usr/bin/env python3
"""Golden cases for src/finance.rs, computed by an independent implementation.

Run:  pip install numpy-financial && python3 tests/golden/make_finance_cases.py > tests/golden/finance.csv
Made with numpy 2.4.6 and numpy-financial 1.0.0.

Formulas (minepivot conventions, docs/model.md "Time"):
- Flows are monthly and fall at the END of each month: flow i is discounted by (1 + r_m)^(i + 1),
  r_m = (1 + r_annual)^(1/12) - 1.
  numpy-financial's npv discounts values[0] by (1 + rate)^0, so
      NPV = npf.npv(r_m, [0] + flows).
- IRR: the monthly rate that zeroes the NPV, annualised (1 + irr_m)^12 - 1, in %.
  Shifting every flow by one month multiplies the NPV by 1/(1 + r) > 0, so the root is the same:
      irr_m = npf.irr(flows)   (numpy-financial returns the real root nearest 0 when several exist).
  "none" where npf.irr returns NaN (no sign change, no positive real root).
- Payback (numpy-financial has none; computed here by the definition, independently of the Rust
  code): C_j = flows[0] + ... + flows[j]; after the first j with C_j < 0, the first later j with
  C_j >= 0, written as j + 1 (months to the end of that month); "none" if the cumulative never
  goes negative or never recovers.

Columns: case, annual_rate_pct, npv, irr_monthly, irr_annual_pct, payback_months, flows
(flows last, separated by ';').
"""
import math
import random

import numpy as np
import numpy_financial as npf


def payback(flows):
    cumulative, invested = 0.0, False
    for j, f in enumerate(flows):
        cumulative += f
        if cumulative < 0:
            invested = True
        elif invested:
            return str(j + 1)
    return "none"


def cases():
    yield "npf_doc_example", 10.0, [-100, 39, 59, 55, 20]
    yield "negative_irr", 10.0, [-100, 0, 0, 74]
    yield "late_outflow", 8.0, [-100, 100, 0, -7]
    yield "two_sign_changes", 12.0, [-5, 10.5, 1, -8, 1]
    yield "two_roots_10_and_20_pct", 10.0, [-100, 230, -132]
    yield "zero_rate_is_sum", 0.0, [-250, 40, 60, 80, 100, -20, 30]
    yield "all_positive", 10.0, [10, 20, 30]
    yield "all_negative", 10.0, [-10, -20, -30]
    yield "leading_zeros", 15.0, [0, 0, -1000, 0, 300, 400, 500]
    yield "never_pays_back", 10.0, [-1000] + [50] * 12
    # A 10-year conversion: 12 months of capex, then rising monthly income.
    build = [-8_000_000.0] * 12
    income = [round(1_100_000.0 * 1.005 ** k, 2) for k in range(108)]
    yield "ten_year_conversion", 10.0, build + income
    # A GPU cloud: capex, income declining 2.7 % a month, refresh in month 60.
    gpu = [-50_000_000.0] + [round(2_000_000.0 * 0.973 ** k, 2) for k in range(59)]
    gpu += [-50_000_000.0] + [round(2_000_000.0 * 0.973 ** k, 2) for k in range(59)]
    yield "gpu_refresh", 12.0, gpu
    yield "high_rate", 50.0, [-100] + [12] * 24
    rng = random.Random(20260515)
    for n in range(3):
        flows = [-rng.uniform(500, 1500) for _ in range(rng.randint(1, 6))]
        flows += [round(rng.uniform(-50, 300), 2) for _ in range(rng.randint(20, 80))]
        yield f"random_{n}", round(rng.uniform(0, 25), 3), [round(f, 2) for f in flows]


def main():
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]))
    print("case,annual_rate_pct,npv,irr_monthly,irr_annual_pct,payback_months,flows")
    for name, rate, flows in cases():
        r_m = (1 + rate / 100) ** (1 / 12) - 1
        value = npf.npv(r_m, [0.0] + flows)
        irr_m = npf.irr(np.array(flows, dtype=float))
        if math.isnan(irr_m):
            irr_monthly, irr_annual = "none", "none"
        else:
            irr_monthly = repr(float(irr_m))
            irr_annual = repr(float(((1 + irr_m) ** 12 - 1) * 100))
        print(
            f"{name},{rate!r},{float(value)!r},{irr_monthly},{irr_annual},{payback(flows)},"
            + ";".join(repr(float(f)) for f in flows)
        )


if __name__ == "__main__":
    main()
