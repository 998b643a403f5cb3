/**
 * Guesses the field delimiter from the first lines of a file: the candidate that splits the
 * header and the following complete lines into the same number (> 1) of fields wins; ties go
 * to the one giving more fields, then to the order , ; tab |.
 */
import type { Delimiter } from './csvOptions';

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];
const QUOTE = 34;
const LF = 10;

export function sniffDelimiter(sample: Uint8Array): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = fieldCountsPerLine(sample, d.charCodeAt(0));
    if (counts.length === 0) continue;
    const header = counts[0];
    if (header < 2) continue;
    const consistent = counts.every((c) => c === header);
    const score = (consistent ? 1_000_000 : 0) + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Field counts of each complete line in the sample (quotes respected; the last, partial line dropped). */
function fieldCountsPerLine(sample: Uint8Array, delim: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  let lineHasContent = false;
  for (let i = 0; i < sample.length && counts.length < 50; i++) {
    const b = sample[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && b === delim) fields++;
    else if (!inQuotes && b === LF) {
      if (lineHasContent) counts.push(fields);
      fields = 1;
      lineHasContent = false;
      continue;
    }
    if (b !== 13) lineHasContent = true;
  }
  return counts;
}
