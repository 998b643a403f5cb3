#!/usr/bin/python3
"""The model of the inference benchmark: XGBClassifier(n_estimators=200, max_depth=6) as ONNX.

Run with Debian's Python (numpy 1.24, pandas 1.5, xgboost 1.7.4, onnx 1.12) -- not the pyenv
`python3` on PATH. bench/infer/run.mjs runs it when the model is missing or stale:

    /usr/bin/python3 bench/infer/make_model.py --train bench/infer/data/train-200000.csv \
        --score bench/infer/data/score-1000000.csv --out bench/infer/data

Trains on the training CSV (bench/infer/make_data.mjs --name train: 16 numeric features f01..f16,
two with missing values, binary target), random_state=0, tree_method='hist'. Writes:

  * model.onnx: one ai.onnx.ml TreeEnsembleClassifier (the 200 trees, BRANCH_LT on float32
    thresholds, missing values routed by XGBoost's learned default directions, one weight per leaf
    for class id 0, post_transform LOGISTIC, base_values [logit(base_score)]) -> float
    "probabilities" [N, 2] = [1 - p, p], plus int64 "label" [N] = ArgMax of the probabilities.
    No ZipMap. Input float "float_input" ['N', 16]. ir_version 8, opsets ai.onnx 17 / ai.onnx.ml 3,
    onnx.checker full_check. metadata_props feature_names (JSON), task, class_labels.
    (The tree conversion is scripts/fixtures/make_model_fixtures.py's add_xgboost_tree; onnxruntime
    computes [1 - sigmoid(margin), sigmoid(margin)] for a binary TreeEnsembleClassifier whose
    leaves only carry class-0 weights -- the layout onnxmltools uses for XGBoost.)
  * model.json: parameters, and XGBoost's predict_proba[:, 1] (float64) for the first
    --check-rows rows of the scored CSV, as pandas reads it: the benchmark compares
    onnxruntime-node with it to check the conversion.

Deterministic: rerunning gives byte-identical files.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import onnx
import pandas as pd
import xgboost as xgb
from onnx import helper

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'scripts', 'fixtures'))
import make_model_fixtures as fx  # noqa: E402  (TreeEnsembleAttrs, add_xgboost_tree, make_model, ...)

MODEL_VERSION = 1
N_ESTIMATORS = 200
MAX_DEPTH = 6


def read_csv(path, nrows=None):
    """Only empty fields are missing, as in Glassbox."""
    return pd.read_csv(path, keep_default_na=False, na_values=[''], nrows=nrows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--score', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--check-rows', type=int, default=10000)
    args = ap.parse_args()

    train = read_csv(args.train)
    features = [c for c in train.columns if c != 'target']
    X = train[features].to_numpy(dtype=np.float64)
    y = train['target'].to_numpy()
    clf = xgb.XGBClassifier(n_estimators=N_ESTIMATORS, max_depth=MAX_DEPTH, learning_rate=0.1, tree_method='hist',
                            random_state=0, n_jobs=2)
    clf.fit(X, y)
    booster = clf.get_booster()
    config = json.loads(booster.save_config())
    assert config['learner']['objective']['name'] == 'binary:logistic'
    base_score = float(config['learner']['learner_model_param']['base_score'])

    ens = fx.TreeEnsembleAttrs()
    dumps = booster.get_dump(dump_format='json')
    assert len(dumps) == N_ESTIMATORS
    for i, dump in enumerate(dumps):
        fx.add_xgboost_tree(ens, i, json.loads(dump))
    leaves = len(ens.leaves['nodeids'])

    nodes = [helper.make_node('TreeEnsembleClassifier', ['float_input'], ['tree_label', 'probabilities'],
                              domain='ai.onnx.ml', classlabels_int64s=[0, 1], post_transform='LOGISTIC',
                              base_values=[math.log(base_score / (1 - base_score))], **ens.attributes('class'))]
    fx.argmax_label(nodes)
    model = fx.make_model('bench_xgboost_200', nodes, [fx.matrix_input(len(features))],
                          [fx.label_output(), fx.probabilities_output()], [], features, 'classification', [0, 1],
                          doc=f'inference benchmark: XGBoost ({N_ESTIMATORS} trees, depth {MAX_DEPTH}, hist) on '
                              f'{len(features)} synthetic features; missing values routed by the learned default '
                              'directions')
    model.producer_name = 'glassbox-bench'
    onnx.checker.check_model(model, full_check=True)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'model.onnx'), 'wb') as f:
        f.write(model.SerializeToString())

    scored = read_csv(args.score, nrows=args.check_rows)
    assert list(scored.columns[:len(features)]) == features
    proba = clf.predict_proba(scored[features].to_numpy(dtype=np.float64))[:, 1].astype(np.float64)
    train_accuracy = float((clf.predict(X) == y).mean())
    doc = {
        'modelVersion': MODEL_VERSION,
        'train': os.path.relpath(args.train, ROOT),
        'trainRows': int(len(train)),
        'features': features,
        'nEstimators': N_ESTIMATORS,
        'maxDepth': MAX_DEPTH,
        'leaves': leaves,
        'nodes': len(ens.nodes['nodeids']),
        'baseScore': base_score,
        'trainAccuracy': train_accuracy,
        'xgboost': xgb.__version__,
        'onnx': onnx.__version__,
        'checkRows': int(len(proba)),
        'xgboostProba': [float(p) for p in proba],
    }
    with open(os.path.join(args.out, 'model.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f)
        f.write('\n')
    print(f'model.onnx: {N_ESTIMATORS} trees, {doc["nodes"]} nodes ({leaves} leaves), base_score {base_score}, '
          f'train accuracy {train_accuracy:.3f}')


if __name__ == '__main__':
    main()
