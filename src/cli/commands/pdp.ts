/**
 * `glassbox pdp --model m.onnx --data d.csv --feature F (--grid v1,v2,… | --grid-size 20) [--ice]
 * [--sample N] [--seed 42] --out pdp.json` (shared/spec/cli.md, "pdp") →
 * { feature, grid, average, ice (rows × grid, with --ice), rows }. Datetime grids are written as
 * ISO 8601 text (and may be given so).
 */
import { basename } from 'node:path';
import { requireColumn } from '../../core/data/columnLookup';
import { formatIsoDatetime, parseIsoDatetime } from '../../core/data/datetime';
import type { Column } from '../../core/data/table';
import { InputError, ModelError } from '../../core/errors/errors';
import { DEFAULT_GRID_SIZE, partialDependence, type GridValue, type PdpResult } from '../../core/explain/partialDependence';
import { parseOptions, stringOption } from '../args';
import { numberOption, seedOption } from '../io/optionValues';
import { openModelFile } from '../io/readModelFile';
import { READ_OPTIONS, readTable } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export async function pdpCommand(argv: readonly string[], io: CliIo): Promise<PdpResult> {
  const options = parseOptions('pdp', argv, {
    model: { value: true, required: true },
    data: { value: true, required: true },
    feature: { value: true, required: true },
    grid: { value: true },
    'grid-size': { value: true },
    ice: { value: false },
    sample: { value: true },
    seed: { value: true },
    out: { value: true, required: true },
    ...READ_OPTIONS,
  });
  const gridText = stringOption(options, 'grid');
  const gridSize = numberOption(options, 'grid-size');
  if (gridText !== undefined && gridSize !== undefined) throw new InputError('give --grid or --grid-size, not both');
  const sample = numberOption(options, 'sample');
  const modelPath = stringOption(options, 'model')!;
  const dataPath = stringOption(options, 'data')!;
  const table = await readTable(dataPath, options);
  const column = requireColumn(table, stringOption(options, 'feature')!, dataPath);
  const scorer = await openModelFile(modelPath);
  try {
    const result = await partialDependence(scorer, {
      table,
      source: dataPath,
      feature: column.name,
      grid: gridText === undefined ? undefined : parseGrid(gridText, column),
      gridSize: gridSize ?? DEFAULT_GRID_SIZE,
      ice: options.ice === true,
      sample,
      seed: seedOption(options) ?? 42,
    });
    const grid = column.type === 'datetime' ? result.grid.map((g) => formatIsoDatetime(g as number)) : result.grid;
    writeOutput(toJson({ feature: result.feature, grid, average: result.average, ...(result.ice ? { ice: result.ice } : {}), rows: result.rows }), stringOption(options, 'out'), io);
    return result;
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`model ${basename(modelPath)}: ${e.message}`);
    throw e;
  } finally {
    await scorer.dispose();
  }
}

/** `--grid v1,v2,…` in the column's terms: numbers, true/false, labels, or dates. */
function parseGrid(text: string, column: Column): GridValue[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InputError(`--grid must be a comma-separated list of values (got '${text}')`);
  return items.map((item) => {
    switch (column.type) {
      case 'numeric': {
        const v = Number(item);
        if (!Number.isFinite(v)) throw new InputError(`--grid: '${item}' is not a number, but column '${column.name}' is numeric`);
        return v;
      }
      case 'datetime': {
        const v = /^-?\d+(\.\d+)?$/.test(item) ? Number(item) : parseIsoDatetime(item);
        if (!Number.isFinite(v)) throw new InputError(`--grid: '${item}' is not a date (YYYY-MM-DD…), but column '${column.name}' holds dates`);
        return v;
      }
      case 'boolean':
        if (item !== 'true' && item !== 'false') throw new InputError(`--grid: '${item}' is not true or false, but column '${column.name}' is boolean`);
        return item === 'true';
      default:
        return item;
    }
  });
}
