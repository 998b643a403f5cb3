"""pandas counterpart of `glassbox profile`: read_csv + the same per-column statistics, as JSON.

    /usr/bin/python3 bench/ingest/pandas_profile.py DATA.csv OUT.json [--parse-dates COL,...]

Per column: count (non-missing), missing, nunique, and for numeric columns mean, std (ddof=1),
min, q25/median/q75 (linear interpolation, numpy's default) and max; value_counts top 10 for
every column. Columns named with --parse-dates are parsed as datetimes by read_csv (Glassbox
infers ISO dates itself; pandas needs to be told). Booleans are detected by read_csv itself.
Prints the phase timings (seconds) as one JSON line on stdout.
"""
import json
import math
import sys
import time


def main() -> None:
    t_start = time.perf_counter()
    import numpy as np
    import pandas as pd

    t_import = time.perf_counter()
    args = sys.argv[1:]
    parse_dates = []
    if "--parse-dates" in args:
        i = args.index("--parse-dates")
        parse_dates = [c for c in args[i + 1].split(",") if c]
        del args[i : i + 2]
    data, out = args[0], args[1]

    df = pd.read_csv(data, parse_dates=parse_dates or False)
    t_read = time.perf_counter()

    def plain(v):
        if isinstance(v, (np.bool_, bool)):
            return bool(v)
        if isinstance(v, (np.integer,)):
            return int(v)
        if isinstance(v, (np.floating, float)):
            f = float(v)
            return None if math.isnan(f) or math.isinf(f) else f
        if isinstance(v, pd.Timestamp):
            return v.isoformat()
        return v if isinstance(v, (str, int)) else str(v)

    columns = []
    n = len(df)
    for name in df.columns:
        s = df[name]
        count = int(s.count())
        col = {
            "name": name,
            "dtype": str(s.dtype),
            "count": count,
            "missing": n - count,
            "distinct": int(s.nunique()),
            "mean": None,
            "std": None,
            "min": None,
            "q25": None,
            "median": None,
            "q75": None,
            "max": None,
        }
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            q = s.quantile([0.25, 0.5, 0.75], interpolation="linear")
            col.update(
                mean=plain(s.mean()),
                std=plain(s.std(ddof=1)) if count >= 2 else None,
                min=plain(s.min()),
                q25=plain(q.iloc[0]),
                median=plain(q.iloc[1]),
                q75=plain(q.iloc[2]),
                max=plain(s.max()),
            )
        vc = s.value_counts(sort=True, dropna=True).head(10)
        col["top"] = [{"value": plain(k), "count": int(c)} for k, c in vc.items()]
        columns.append(col)
    t_stats = time.perf_counter()

    with open(out, "w") as f:
        json.dump({"rows": n, "columns": columns}, f, indent=2)
        f.write("\n")
    t_end = time.perf_counter()

    try:
        import resource

        max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except Exception:  # pragma: no cover
        max_rss_kb = None
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "importS": t_import - t_start,
                "readCsvS": t_read - t_import,
                "statsS": t_stats - t_read,
                "writeS": t_end - t_stats,
                "totalS": t_end - t_start,
                "maxRssKb": max_rss_kb,
                "rows": n,
                "columns": len(df.columns),
                "dtypes": {str(k): int(v) for k, v in df.dtypes.astype(str).value_counts().items()},
            }
        )
    )


if __name__ == "__main__":
    main()
