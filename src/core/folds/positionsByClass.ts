/**
 * The positions of each class of a label array (codes 0..255): one ascending list per code
 * present, in ascending code order. The starting point of every stratified split.
 */
export function positionsByClass(labels: Uint8Array): Uint32Array[] {
  const counts = new Uint32Array(256);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const lists: (Uint32Array | null)[] = Array.from(counts, (c) => (c > 0 ? new Uint32Array(c) : null));
  const fill = new Uint32Array(256);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    (lists[c] as Uint32Array)[fill[c]++] = i;
  }
  return lists.filter((l): l is Uint32Array => l !== null);
}
