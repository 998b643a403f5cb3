// Command-line options shared by the benchmarks: `--name N` (a positive integer, `_` and `,`
// allowed as digit separators) and boolean `--flag`.
const argv = process.argv.slice(2);

export function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(String(argv[i + 1]).replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} needs a positive integer`);
    process.exit(2);
  }
  return v;
}

export const flag = (name) => argv.includes(`--${name}`);
