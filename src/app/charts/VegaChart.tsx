import { Alert, Skeleton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chartConfig';

export interface VegaChartProps {
  spec: TopLevelSpec;
  /** Accessible name of the chart (its container's aria-label) and the export file name. */
  title: string;
  /** Height reserved while the chart library loads. */
  minHeight?: number;
  testId?: string;
}

function fileName(title: string): string {
  return title.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'chart';
}

/**
 * Renders one Vega-Lite spec with vega-embed (loaded lazily), finalized on cleanup. The
 * actions menu offers PNG and SVG export only.
 */
export function VegaChart({ spec, title, minHeight = 220, testId }: VegaChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    let finalize: (() => void) | null = null;
    setError(null);
    void (async () => {
      try {
        const { default: embed } = await import('vega-embed');
        if (cancelled) return;
        const result = await embed(el, spec, {
          actions: { export: true, source: false, compiled: false, editor: false },
          renderer: 'svg',
          config: CHART_CONFIG,
          downloadFileName: fileName(title),
          tooltip: { theme: 'light' },
        });
        if (cancelled) {
          result.finalize();
          return;
        }
        finalize = result.finalize;
        setReady(true);
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec, title]);

  return (
    <div role="figure" aria-label={title} data-testid={testId ?? 'chart'} className="gb-chart" style={{ minHeight: ready ? undefined : minHeight, position: 'relative' }}>
      {!ready && !error && <Skeleton height={minHeight} radius="sm" style={{ position: 'absolute', inset: 0 }} aria-hidden />}
      {error && (
        <Alert color="red" role="alert" title="Could not draw this chart">
          {error}
        </Alert>
      )}
      <div ref={ref} style={{ width: '100%' }} />
    </div>
  );
}
