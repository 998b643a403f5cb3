"""The benchmarks' encoded matrices (bench/train/make_data.mjs) read by their Python tasks: float32,
column-major on disk (NaN = missing), returned as a C-contiguous rows × features array with the
0/1 labels as float32."""
import json
import os

import numpy as np


def read_matrix(directory, which, rows, features):
    X = np.fromfile(os.path.join(directory, f'{which}-X.f32'), dtype=np.float32).reshape(features, rows).T
    y = np.fromfile(os.path.join(directory, f'{which}-y.u8'), dtype=np.uint8).astype(np.float32)
    return np.ascontiguousarray(X), y


def read_train_holdout(directory):
    """The training and holdout matrices of a data folder (its meta.json gives the sizes): (X, y, Xh, yh)."""
    with open(os.path.join(directory, 'meta.json')) as f:
        meta = json.load(f)
    X, y = read_matrix(directory, 'train', meta['trainRows'], meta['features'])
    Xh, yh = read_matrix(directory, 'holdout', meta['holdoutRows'], meta['features'])
    return X, y, Xh, yh
