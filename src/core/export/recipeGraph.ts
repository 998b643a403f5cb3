/**
 * A fitted recipe as ONNX nodes: one input per raw column ([N, 1], float for numeric/boolean/
 * datetime, string for categorical, as the contract says), the recipe's columns in order with
 * the same operations and fitted parameters as applyRecipe.ts, and a Concat into the feature
 * matrix [N, F]. Numeric inputs are cast to double at once and every later value is double, as
 * in memory (where the inputs are rounded to float32 on reading, src/core/data/modelEncoding.ts),
 * so a feature differs from memory only by the last bits of an operation's rounding. Standard
 * operators only (ai.onnx ≤ 17, ai.onnx.ml ≤ 3):
 * - impute IsNaN/Where; indicator IsNaN + Cast; log Add + Log; clip Clip; scale Sub/Div;
 * - bin: the value cast to float32, GreaterOrEqual against the float32 edge vector [K] → Cast →
 *   ReduceSum (the number of edges ≤ the value, compared in float32 like memory), Where(IsNaN)
 *   keeps missing;
 * - ordinal and targetEncode: ai.onnx.ml LabelEncoder, strings → an int64 index (default = the
 *   fallback's index, '' → the imputed value's index when imputed), then Gather from a double
 *   table — LabelEncoder's own float values would round the encoding to float32;
 * - one-hot: LabelEncoder strings → int64 codes + Equal against 0..k;
 * - combine: Add/Sub/Mul, Div with Where(Equal(right, 0), NaN) for a division by zero;
 * - date parts: datePartsGraph.ts.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import { sourceRefs, type FittedRecipe, type LookupSource, type NumericColumn, type NumericOp, type OneHotColumn } from '../recipe/fittedRecipe';
import { DatePartsGraph } from './datePartsGraph';

const FLOAT = 1;
const DOUBLE = 11;

type Scalar = (prefix: string, v: number) => string;

export function recipeGraph(graph: OnnxGraph, fitted: FittedRecipe): string {
  const scalar: Scalar = (prefix, v) => graph.constant(prefix, 'float64', [], [v]);
  const inputs = new Map<string, string>();
  for (const input of fitted.inputs) {
    if (input.columnType === 'categorical') {
      inputs.set(input.column, graph.input(input.column, 'string', ['N', 1]));
    } else {
      const x = graph.input(input.column, 'float32', ['N', 1]);
      inputs.set(input.column, graph.node('Cast', [x], `${safe(input.column)}_double`, { to: { int: DOUBLE } }));
    }
  }
  const wanted = new Map<string, Set<number>>();
  for (const column of fitted.columns) {
    for (const ref of sourceRefs(column)) {
      if (!wanted.has(ref.column)) wanted.set(ref.column, new Set());
      wanted.get(ref.column)!.add(ref.ops);
    }
  }
  const saved = new Map<string, string>();
  const read = (column: string, ops: number) => saved.get(`${ops}:${column}`)!;
  const dates = new DatePartsGraph(graph);

  const parts: string[] = [];
  for (const column of fitted.columns) {
    const id = safe(column.name);
    if (column.kind === 'oneHot') {
      if (column.feature) parts.push(oneHotNode(graph, column, inputs.get(column.name)!, id));
      continue;
    }
    const start = sourceNode(graph, column, id, inputs, read, dates, scalar);
    let v = start;
    const keep = wanted.get(column.name);
    for (let k = 0; ; k++) {
      if (keep?.has(k)) saved.set(`${k}:${column.name}`, v);
      if (k === column.ops.length) break;
      v = numericOp(graph, column.ops[k], v, id, scalar);
    }
    if (column.feature) {
      parts.push(v);
      if (column.indicator) parts.push(graph.node('Cast', [graph.node('IsNaN', [start], `${id}_isnan`)], `${id}__missing`, { to: { int: DOUBLE } }));
    }
  }
  return graph.node('Concat', parts, 'features', { axis: { int: 1 } });
}

function sourceNode(
  graph: OnnxGraph,
  column: NumericColumn,
  id: string,
  inputs: Map<string, string>,
  read: (column: string, ops: number) => string,
  dates: DatePartsGraph,
  scalar: Scalar,
): string {
  const s = column.source;
  switch (s.from) {
    case 'input':
      return inputs.get(s.column)!;
    case 'lookup':
      return lookupNode(graph, s, inputs.get(s.column)!, id);
    case 'combine': {
      const a = read(s.left.column, s.left.ops);
      const b = read(s.right.column, s.right.ops);
      if (s.op === '/') {
        const zero = graph.node('Equal', [b, scalar(`${id}_zero`, 0)], `${id}_by_zero`);
        return graph.node('Where', [zero, scalar(`${id}_nan`, NaN), graph.node('Div', [a, b], `${id}_quotient`)], id);
      }
      return graph.node(s.op === '+' ? 'Add' : s.op === '-' ? 'Sub' : 'Mul', [a, b], id);
    }
    case 'datePart':
      return dates.part(read(s.date.column, s.date.ops), s.part, s.reference, safe(s.date.column));
  }
}

function lookupNode(graph: OnnxGraph, s: LookupSource, x: string, id: string): string {
  const keys = [...s.keys];
  const index = keys.map((_, i) => i);
  const table = [...s.values, s.fallback];
  const fallback = table.length - 1;
  if (s.impute !== null && !keys.includes('')) {
    keys.push('');
    const at = s.keys.indexOf(s.impute);
    index.push(at >= 0 ? at : fallback);
  }
  if (keys.length === 0) {
    keys.push('');
    index.push(fallback);
  }
  const codes = graph.node('LabelEncoder', [x], `${id}_${s.encoding}_index`, { keys_strings: { strings: keys }, values_int64s: { ints: index }, default_int64: { int: fallback } }, 'ai.onnx.ml');
  return graph.node('Gather', [graph.constant(`${id}_${s.encoding}_values`, 'float64', [table.length], table), codes], `${id}_${s.encoding}`, { axis: { int: 0 } });
}

function oneHotNode(graph: OnnxGraph, column: OneHotColumn, x: string, id: string): string {
  const k = column.categories.length;
  const keys = [...column.categories];
  const values = column.categories.map((_, i) => i);
  if (column.impute !== null) {
    keys.push('');
    const at = column.categories.indexOf(column.impute);
    values.push(at >= 0 ? at : k);
  }
  const codes =
    keys.length > 0
      ? graph.node('LabelEncoder', [x], `${id}_code`, { keys_strings: { strings: keys }, values_int64s: { ints: values }, default_int64: { int: k } }, 'ai.onnx.ml')
      : null;
  const range = graph.constant(`${id}_categories`, 'int64', [k + 1], Array.from({ length: k + 1 }, (_, i) => i));
  const source = codes ?? graph.constant(`${id}_other`, 'int64', [1, 1], [k]);
  return graph.node('Cast', [graph.node('Equal', [source, range], `${id}_is`)], `${id}_onehot`, { to: { int: DOUBLE } });
}

function numericOp(graph: OnnxGraph, op: NumericOp, v: string, id: string, scalar: Scalar): string {
  switch (op.op) {
    case 'impute':
      return graph.node('Where', [graph.node('IsNaN', [v], `${id}_nan`), scalar(`${id}_fill`, op.value), v], `${id}_imputed`);
    case 'log':
      return graph.node('Log', [graph.node('Add', [v, scalar('one', 1)], `${id}_plus1`)], `${id}_log`);
    case 'clip':
      return graph.node('Clip', [v, scalar(`${id}_lo`, op.lower), scalar(`${id}_hi`, op.upper)], `${id}_clipped`);
    case 'scale':
      return graph.node('Div', [graph.node('Sub', [v, scalar(`${id}_center`, op.center)], `${id}_centered`), scalar(`${id}_scale`, op.scale)], `${id}_scaled`);
    case 'bin': {
      const isNan = graph.node('IsNaN', [v], `${id}_unbinned`);
      let count: string;
      if (op.edges.length === 0) {
        count = scalar(`${id}_bin0`, 0);
      } else {
        const edges = graph.constant(`${id}_edges`, 'float32', [op.edges.length], op.edges);
        const single = graph.node('Cast', [v], `${id}_float32`, { to: { int: FLOAT } });
        const above = graph.node('Cast', [graph.node('GreaterOrEqual', [single, edges], `${id}_above_edge`)], `${id}_above`, { to: { int: DOUBLE } });
        const axes = graph.constant(`${id}_edge_axis`, 'int64', [1], [1]);
        count = graph.node('ReduceSum', [above, axes], `${id}_edges_below`, { keepdims: { int: 1 } });
      }
      return graph.node('Where', [isNan, v, count], `${id}_bin`);
    }
  }
}

/** A value-name fragment from a column name (ONNX names may be any string; this keeps them readable). */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
