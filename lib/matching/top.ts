// Picking the best few of a large pool without sorting it: a small sorted array that almost every candidate
// leaves after one comparison with the worst kept so far.

/** Above this many, sorting everything is cheaper than inserting one by one. */
const INSERTION_LIMIT = 64;

/**
 * The indexes 0..count-1 of the best `limit` items under `compare` (a total order: negative puts `a` first),
 * keeping only the best item for each key. The result does not depend on the order of the indexes, only on
 * `compare`, so callers that break every tie get the same answer whatever order their input came in.
 */
export function selectTop(
  count: number,
  limit: number,
  keyOf: (index: number) => string,
  compare: (a: number, b: number) => number,
): number[] {
  if (limit <= 0 || count <= 0) return [];
  if (limit > INSERTION_LIMIT) return sortAll(count, limit, keyOf, compare);
  const top: number[] = [];
  for (let index = 0; index < count; index++) {
    if (top.length === limit && compare(index, top[limit - 1]!) >= 0) continue;
    const key = keyOf(index);
    let duplicate = -1;
    for (let at = 0; at < top.length; at++) {
      if (keyOf(top[at]!) === key) {
        duplicate = at;
        break;
      }
    }
    if (duplicate >= 0) {
      // The same key twice (a duplicate id): keep the better of the two.
      if (compare(index, top[duplicate]!) >= 0) continue;
      top.splice(duplicate, 1);
    } else if (top.length === limit) {
      top.pop();
    }
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(top[middle]!, index) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, index);
  }
  return top;
}

function sortAll(count: number, limit: number, keyOf: (index: number) => string, compare: (a: number, b: number) => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index).sort(compare);
  const seen = new Set<string>();
  const top: number[] = [];
  for (const index of order) {
    const key = keyOf(index);
    if (seen.has(key)) continue;
    seen.add(key);
    top.push(index);
    if (top.length === limit) break;
  }
  return top;
}
