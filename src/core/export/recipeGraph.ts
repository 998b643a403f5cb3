/**
 * A fitted recipe as ONNX nodes: one input per raw column ([N, 1], float for numeric/boolean/
 * datetime, string for categorical, as the contract says), the same operations with the same
 * fitted parameters as applyRecipe.ts, and a Concat into the feature matrix [N, F].
 * Standard operators only: IsNaN/Where for imputation, Cast for indicators, Log/Add, Clip,
 * Sub/Div for scaling; ai.onnx.ml LabelEncoder + Equal for one-hot encoding.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { FittedRecipe, NumericOp } from '../recipe/fittedRecipe';

const FLOAT = 1;

export function recipeGraph(graph: OnnxGraph, fitted: FittedRecipe): string {
  const parts: string[] = [];
  const scalar = (prefix: string, v: number) => graph.constant(prefix, 'float32', [], [v]);
  for (const input of fitted.inputs) {
    if (input.kind === 'numeric') {
      const x = graph.input(input.column, 'float32', ['N', 1]);
      let v = x;
      const id = safe(input.column);
      for (const op of input.ops) v = numericOp(graph, op, v, id, scalar);
      parts.push(v);
      if (input.indicator) {
        parts.push(graph.node('Cast', [graph.node('IsNaN', [x], `${id}_isnan`)], `${id}__missing`, { to: { int: FLOAT } }));
      }
    } else {
      const x = graph.input(input.column, 'string', ['N', 1]);
      const id = safe(input.column);
      const k = input.categories.length;
      const keys = [...input.categories];
      const values = input.categories.map((_, i) => i);
      if (input.impute !== null) {
        keys.push('');
        const at = input.categories.indexOf(input.impute);
        values.push(at >= 0 ? at : k);
      }
      const codes =
        keys.length > 0
          ? graph.node('LabelEncoder', [x], `${id}_code`, { keys_strings: { strings: keys }, values_int64s: { ints: values }, default_int64: { int: k } }, 'ai.onnx.ml')
          : null;
      const range = graph.constant(`${id}_categories`, 'int64', [k + 1], Array.from({ length: k + 1 }, (_, i) => i));
      const source = codes ?? graph.constant(`${id}_other`, 'int64', [1, 1], [k]);
      parts.push(graph.node('Cast', [graph.node('Equal', [source, range], `${id}_is`)], `${id}_onehot`, { to: { int: FLOAT } }));
    }
  }
  return graph.node('Concat', parts, 'features', { axis: { int: 1 } });
}

function numericOp(graph: OnnxGraph, op: NumericOp, v: string, id: string, scalar: (prefix: string, v: number) => string): string {
  switch (op.op) {
    case 'impute':
      return graph.node('Where', [graph.node('IsNaN', [v], `${id}_nan`), scalar(`${id}_fill`, op.value), v], `${id}_imputed`);
    case 'log':
      return graph.node('Log', [graph.node('Add', [v, scalar('one', 1)], `${id}_plus1`)], `${id}_log`);
    case 'clip':
      return graph.node('Clip', [v, scalar(`${id}_lo`, op.lower), scalar(`${id}_hi`, op.upper)], `${id}_clipped`);
    case 'scale':
      return graph.node('Div', [graph.node('Sub', [v, scalar(`${id}_center`, op.center)], `${id}_centered`), scalar(`${id}_scale`, op.scale)], `${id}_scaled`);
  }
}

/** A value-name fragment from a column name (ONNX names may be any string; this keeps them readable). */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
