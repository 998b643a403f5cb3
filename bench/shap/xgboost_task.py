"""XGBoost's native path-dependent TreeSHAP (pred_contribs) for the Shapley benchmark (Debian
/usr/bin/python3 with python3-xgboost). Prints one JSON line.

  /usr/bin/python3 bench/shap/xgboost_task.py --dir D --train-rows 20000 --rows 1000 --rounds 200

Trains xgboost.train(tree_method='hist', nthread=1, max_depth=6, eta=0.1, max_bin=255,
binary:logistic) on the first --train-rows training rows of the bench/train matrix, then times
booster.predict(DMatrix(first --rows holdout rows), pred_contribs=True) — SHAP values on the
margin, one thread — and checks their efficiency (sum = margin).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import xgboost as xgb

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'common'))
from matrix import read_train_holdout  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('--dir', required=True)
ap.add_argument('--train-rows', type=int, default=20000)
ap.add_argument('--rows', type=int, default=1000)
ap.add_argument('--rounds', type=int, default=200)
args = ap.parse_args()
X, y, Xh, _ = read_train_holdout(args.dir)
X, y, Xh = X[: args.train_rows], y[: args.train_rows], Xh[: args.rows]
params = {'objective': 'binary:logistic', 'tree_method': 'hist', 'nthread': 1, 'max_depth': 6, 'eta': 0.1, 'max_bin': 255}
booster = xgb.train(params, xgb.DMatrix(X, label=y, missing=np.nan, nthread=1), num_boost_round=args.rounds)
dh = xgb.DMatrix(Xh, missing=np.nan, nthread=1)
times = []
for _ in range(3):
    t0 = time.perf_counter()
    contribs = booster.predict(dh, pred_contribs=True)
    times.append((time.perf_counter() - t0) * 1000)
margin = booster.predict(dh, output_margin=True)
print(json.dumps({'contribsMs': sorted(times)[1], 'contribsMsAll': times, 'rows': int(Xh.shape[0]), 'features': int(Xh.shape[1]),
                  'efficiencyError': float(np.abs(contribs.sum(axis=1) - margin).max()), 'xgboost': xgb.__version__}))
