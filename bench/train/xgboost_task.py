"""One XGBoost training measurement of the training benchmark (Debian /usr/bin/python3 with
python3-xgboost). Prints one JSON line.

  /usr/bin/python3 bench/train/xgboost_task.py --dir D --rounds 200 --depth 6 --eta 0.1
                                               --max-bin 255 --out scores.f64

Reads the same encoded matrix as the Glassbox task (float32, column-major, NaN = missing),
builds the DMatrix (timed separately), trains with xgboost.train (timed: the quantile sketch and
all rounds) with tree_method='hist', nthread=1, objective binary:logistic and the named settings
(everything else XGBoost's defaults: lambda 1, min_child_weight 1, gamma 0, subsample 1, ...),
then predicts P(positive) of the holdout rows and writes them as float64 to --out.
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
ap.add_argument('--rounds', type=int, default=200)
ap.add_argument('--depth', type=int, default=6)
ap.add_argument('--eta', type=float, default=0.1)
ap.add_argument('--max-bin', type=int, default=255)
ap.add_argument('--out', required=True)
args = ap.parse_args()

X, y, Xh, yh = read_train_holdout(args.dir)

t0 = time.perf_counter()
dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=1)
dmatrix_ms = (time.perf_counter() - t0) * 1000

params = {
    'objective': 'binary:logistic',
    'tree_method': 'hist',
    'nthread': 1,
    'max_depth': args.depth,
    'eta': args.eta,
    'max_bin': args.max_bin,
    'seed': 0,
}
c0 = time.process_time()
t0 = time.perf_counter()
booster = xgb.train(params, dtrain, num_boost_round=args.rounds)
train_ms = (time.perf_counter() - t0) * 1000
cpu_ms = (time.process_time() - c0) * 1000

t0 = time.perf_counter()
scores = booster.predict(xgb.DMatrix(Xh, missing=np.nan, nthread=1)).astype(np.float64)
predict_ms = (time.perf_counter() - t0) * 1000
scores.tofile(args.out)

auc = None
try:
    from sklearn.metrics import roc_auc_score

    auc = float(roc_auc_score(yh, scores))
except ImportError:
    pass

leaves = sum(tree.count('leaf=') for tree in booster.get_dump())

print(json.dumps({
    'trainMs': train_ms,
    'leaves': leaves,
    'cpuMs': cpu_ms,
    'dmatrixMs': dmatrix_ms,
    'predictMs': predict_ms,
    'xgboost': xgb.__version__,
    'params': params,
    'rounds': args.rounds,
    'sklearnAuc': auc,
}))
