// Timing and query-plan helpers the database benches share: percentiles of sorted timings, and what an
// EXPLAIN (ANALYZE) reads, so a sequential scan of a table that should never be read whole is flagged.

/** The p-th percentile (nearest rank) of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** What a plan reads: each index used, any sequential scan of one of `largeTables` (with the rows it returned), execution time. */
export function summarisePlan(lines: string[], largeTables: readonly string[]) {
  const indexes = new Set<string>();
  const seqScans = new Map<string, number>(); // table -> rows it returned
  let time = '';
  for (const line of lines) {
    const index = /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line);
    if (index) indexes.add(index[1]!);
    const seq = /Seq Scan on "?(\w+)"?.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line);
    if (seq) seqScans.set(seq[1]!, (seqScans.get(seq[1]!) ?? 0) + Number(seq[2]));
    const exec = /Execution Time: ([\d.]+) ms/.exec(line);
    if (exec) time = exec[1]!;
  }
  // Each flagged scan with the rows it returned: one under a LIMIT stops early, which the full plan shows.
  const large = [...seqScans].filter(([table]) => largeTables.includes(table)).map(([table, rows]) => `${table} (${rows} rows)`);
  return { indexes: [...indexes], large, time };
}
