/**
 * The Glassbox engine APIs the Shapley benchmark measures, bundled for Node by
 * bench/shap/run.mjs (→ bench/out/shap-engine.mjs).
 */
export { trainGbdt, gbdtMargins } from '../../src/core/trees/gbdt';
export { ensembleOfTrees, ensembleScore } from '../../src/core/explain/treeEnsemble';
export { treeShap } from '../../src/core/explain/treeShap';
export { kernelShapley } from '../../src/core/explain/coalitionShap';
export { seededRandom } from '../../src/core/random/seededRandom';
