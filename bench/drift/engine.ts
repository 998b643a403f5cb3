/** The Glassbox engine API the drift benchmark measures, bundled for Node by bench/drift/run.mjs (→ bench/out/drift-engine.mjs). */
export { ksTwoSample } from '../../src/core/stats/kolmogorovSmirnov';
