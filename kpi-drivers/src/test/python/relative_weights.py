#!/usr/bin/env python3
"""Independent reference for cxkpi-drivers: Johnson's (2000) relative weights, R^2,
standardized betas and correlations, computed with numpy (eigh of the correlation matrix;
R^2 also by least squares as a cross-check).

Usage: python3 kpi-drivers/src/test/python/relative_weights.py [path/to/botanic/nps.csv]

Writes (under kpi-drivers/src/test/resources/io/github/cxkpi/drivers/):
  botanic-drivers.csv  the columns id,nps,satisfaction,intention of the botanic garden-centre
                       survey (github.com/BenaventC/NPSgame, nps.csv at commit
                       4b0dbccc059310210f417dee4478354c48b18d1a, CC0 1.0), NA kept;
  synthetic-k8.csv     a seeded synthetic survey: outcome 0-10 and the eight common CX factors
                       on 1-10, 600 respondents (numpy default_rng(20261202));
and prints the reference values that DriverReferenceTest records.
"""
import csv
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "io", "github", "cxkpi", "drivers")
FACTORS = ["accessibility", "competence", "customer_recognition", "helpfulness",
           "personalization", "problem_solving", "promise_fulfilment", "value_for_time"]


def relative_weights(x, y):
    """x: n x k predictors, y: n outcome. Returns (r, rxy, raw weights, betas, R^2, R^2 lstsq)."""
    data = np.column_stack([x, y])
    corr = np.corrcoef(data, rowvar=False)
    k = x.shape[1]
    rxx = corr[:k, :k]
    rxy = corr[:k, k]
    evals, evecs = np.linalg.eigh(rxx)
    lam = evecs @ np.diag(np.sqrt(evals)) @ evecs.T
    beta_star = np.linalg.solve(lam, rxy)
    raw = (lam ** 2) @ (beta_star ** 2)
    betas = np.linalg.solve(rxx, rxy)
    r2 = float(betas @ rxy)
    # cross-check: ordinary least squares on the raw data
    design = np.column_stack([np.ones(len(y)), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    r2_ls = 1 - float(resid @ resid) / float(((y - y.mean()) ** 2).sum())
    return rxx, rxy, raw, betas, r2, r2_ls


def java(name, values):
    return "  static final double[] %s = {%s};" % (
        name, ", ".join(repr(float(v)) for v in values))


def report(title, x, y):
    rxx, rxy, raw, betas, r2, r2_ls = relative_weights(x, y)
    assert abs(r2 - raw.sum()) < 1e-12 and abs(r2 - r2_ls) < 1e-10, (r2, raw.sum(), r2_ls)
    print("// %s: n=%d, k=%d" % (title, len(y), x.shape[1]))
    print(java(title.upper() + "_CORRELATIONS", rxy))
    print(java(title.upper() + "_RAW_WEIGHTS", raw))
    print(java(title.upper() + "_BETAS", betas))
    print("  static final double %s_R_SQUARED = %r;" % (title.upper(), r2))
    print(java(title.upper() + "_MEANS", list(x.mean(axis=0)) + [y.mean()]))
    print(java(title.upper() + "_FACTOR_CORRELATIONS", rxx[np.triu_indices(x.shape[1], 1)]))


def botanic(path):
    rows = []
    with open(path, encoding="latin-1", newline="") as f:
        for r in csv.DictReader(f):
            rows.append((r["id"], r["nps"], r["satisfaction"], r["intention"]))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "botanic-drivers.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "nps", "satisfaction", "intention"])
        w.writerows(rows)
    complete = [r for r in rows if "NA" not in r[1:]]
    y = np.array([float(r[1]) for r in complete])
    x = np.array([[float(r[2]), float(r[3])] for r in complete])
    report("botanic", x, y)


def synthetic():
    rng = np.random.default_rng(20261202)
    n, k = 600, len(FACTORS)
    latent = rng.normal(size=n)
    noise = rng.normal(size=(n, k))
    loadings = np.linspace(0.3, 0.8, k)
    z = latent[:, None] * loadings + noise * np.sqrt(1 - loadings ** 2)
    x = np.clip(np.rint(6 + 2 * z), 1, 10)
    true_beta = np.array([0.10, 0.35, 0.05, 0.25, 0.0, 0.30, 0.15, 0.05])
    y = np.clip(np.rint(1.0 + x @ true_beta * 0.75 + rng.normal(scale=1.2, size=n)), 0, 10)
    with open(os.path.join(OUT, "synthetic-k8.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["nps"] + FACTORS)
        for i in range(n):
            w.writerow([int(y[i])] + [int(v) for v in x[i]])
    report("synthetic", x, y)


if __name__ == "__main__":
    botanic(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/botanic_nps/nps.csv")
    synthetic()
