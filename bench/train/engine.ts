/**
 * The Glassbox engine APIs the training benchmark measures, bundled for Node by
 * bench/train/build.mjs (→ bench/out/train-engine.mjs).
 */
export { GBDT_DEFAULTS, gbdtMargins, trainGbdt } from '../../src/core/trees/gbdt';
export { binaryMetrics, scoreOrder } from '../../src/core/validation/binaryMetrics';
