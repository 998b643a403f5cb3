import { Alert, Skeleton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chartConfig';

export interface VegaChartProps {
  spec: TopLevelSpec;
  /** Accessible name of the chart (its container's aria-label) and the export file name. */
  title: string;
  /** Height reserved while the chart library loads. */
  minHeight?: number;
  testId?: string;
  /**
   * Named datasets (declared in the spec's `datasets`) replaced in the drawn chart without drawing
   * it again — e.g. a marker that follows a slider. Exports include the current values.
   */
  data?: Record<string, object[]>;
}

/** Replaces named datasets of a drawn chart. */
function applyData(view: View, data: Record<string, object[]> | undefined): void {
  if (!data) return;
  for (const [name, values] of Object.entries(data)) view.data(name, values);
  void view.runAsync();
}

function fileName(title: string): string {
  return title.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'chart';
}

/**
 * Renders one Vega-Lite spec with vega-embed (loaded lazily), finalized on cleanup. The
 * actions menu offers PNG and SVG export only.
 */
export function VegaChart({ spec, title, minHeight = 220, testId, data }: VegaChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const viewRef = useRef<View | null>(null);
  const dataRef = useRef(data);
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
        viewRef.current = result.view;
        applyData(result.view, dataRef.current);
        setReady(true);
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      viewRef.current = null;
      finalize?.();
    };
  }, [spec, title]);

  useEffect(() => {
    dataRef.current = data;
    if (viewRef.current) applyData(viewRef.current, data);
  }, [data]);

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
