/**
 * A binary decision tree as flat arrays (node 0 is the root). An inner node sends a row left
 * when fround(x[feature]) ≤ threshold (a float32 value; ONNX BRANCH_LEQ on float32 inputs), and
 * a missing value to the side `missingLeft` says; a leaf holds its value (for boosting, already
 * multiplied by the learning rate).
 */
export interface Tree {
  /** Feature index of each node; −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  value: Float64Array;
}

/** A tree grown node by node (then frozen into typed arrays). */
export class TreeBuilder {
  private readonly nodes: { feature: number; threshold: number; left: number; right: number; missingLeft: boolean; value: number }[] = [];

  leaf(value: number): number {
    this.nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, missingLeft: false, value });
    return this.nodes.length - 1;
  }

  /** Turns leaf `node` into a split with two new leaves; returns [left, right]. */
  split(node: number, feature: number, threshold: number, missingLeft: boolean, leftValue: number, rightValue: number): [number, number] {
    const left = this.leaf(leftValue);
    const right = this.leaf(rightValue);
    Object.assign(this.nodes[node], { feature, threshold, left, right, missingLeft });
    return [left, right];
  }

  build(): Tree {
    const n = this.nodes.length;
    const t: Tree = {
      feature: new Int32Array(n),
      threshold: new Float64Array(n),
      left: new Int32Array(n),
      right: new Int32Array(n),
      missingLeft: new Uint8Array(n),
      value: new Float64Array(n),
    };
    this.nodes.forEach((node, i) => {
      t.feature[i] = node.feature;
      t.threshold[i] = node.threshold;
      t.left[i] = node.left;
      t.right[i] = node.right;
      t.missingLeft[i] = node.missingLeft ? 1 : 0;
      t.value[i] = node.value;
    });
    return t;
  }
}

/** The leaf a row reaches; `features[j][row]`. */
export function leafOf(tree: Tree, features: readonly ArrayLike<number>[], row: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const x = features[tree.feature[node]][row];
    const goLeft = x !== x ? tree.missingLeft[node] === 1 : Math.fround(x) <= tree.threshold[node];
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return node;
}
