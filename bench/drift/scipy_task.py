#!/usr/bin/python3
"""Times scipy.stats.ks_2samp(a, b, method='asymp') on the samples bench/drift/run.mjs wrote
(float64 files a.f64 and b.f64 in the directory given), median of R runs; prints JSON."""
import json
import sys
import time

import numpy as np
from scipy.stats import ks_2samp


def main():
    folder, repeats = sys.argv[1], int(sys.argv[2])
    a = np.fromfile(f'{folder}/a.f64', dtype='<f8')
    b = np.fromfile(f'{folder}/b.f64', dtype='<f8')
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = ks_2samp(a, b, method='asymp')
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({'ms': sorted(times)[len(times) // 2], 'statistic': float(r.statistic), 'pValue': float(r.pvalue)}))


if __name__ == '__main__':
    main()
