// The pure half of `npm run audit:pages`: turns Lighthouse results into the table's rows, checks them
// against issue 10's targets and picks the findings that explain each miss. No I/O, so it can be read alone.
import type { Result } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

const LABELS: Record<Category, string> = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
};

/** Issue 10's targets: accessibility 100, the others at least 95, under 100 kB of compressed JS on public pages. */
export const TARGETS = {
  minimumScore: { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } satisfies Record<Category, number>,
  /** kB as 1,000 bytes, compressed (transfer size) as sent over the wire. */
  maxPublicScriptBytes: 100_000,
};

export interface AuditedPage {
  name: string;
  path: string;
  /** Public pages carry the JavaScript budget; a signed-in page only reports its bytes. */
  isPublic: boolean;
}

export interface ScriptLoad {
  url: string;
  transferBytes: number;
  resourceBytes: number;
}

export interface PageSummary {
  page: AuditedPage;
  /** 0-100, or null when Lighthouse could not score the category (then it counts as a miss). */
  scores: Record<Category, number | null>;
  scriptTransferBytes: number;
  scripts: ScriptLoad[];
  /** What each run's performance score was, when the page was audited more than once. */
  performanceRuns: number[];
  /**
   * SEO without `is-crawlable`, which a signed-in page fails on purpose (robots.txt keeps search engines
   * out of it); a signed-in page's SEO target is judged on this.
   */
  seoIgnoringIndexing: number | null;
}

export interface Miss {
  page: string;
  target: Category | 'javascript';
  description: string;
}

interface NetworkRequestItem {
  url?: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

/** Every request of type Script the page made, biggest first (transfer size is the compressed size). */
export function scriptsLoaded(lhr: Result): ScriptLoad[] {
  const details = lhr.audits['network-requests']?.details;
  const items = (details && 'items' in details ? details.items : []) as NetworkRequestItem[];
  return items
    .filter((item) => item.resourceType === 'Script')
    .map((item) => ({ url: item.url ?? '?', transferBytes: item.transferSize ?? 0, resourceBytes: item.resourceSize ?? 0 }))
    .sort((a, b) => b.transferBytes - a.transferBytes);
}

/** A category's score recomputed the way Lighthouse does (weighted mean of scored audits), leaving some out. */
export function scoreWithout(lhr: Result, category: Category, leaveOut: string[]): number | null {
  let total = 0;
  let weights = 0;
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (leaveOut.includes(ref.id) || !audit || audit.score === null || ref.weight === 0) continue;
    total += audit.score * ref.weight;
    weights += ref.weight;
  }
  return weights === 0 ? null : Math.round((total / weights) * 100);
}

function score(lhr: Result, category: Category): number | null {
  const value = lhr.categories[category]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
}

/**
 * One page's row. With several runs, the run with the median performance score stands for the page
 * (Lighthouse's own advice for a noisy metric); the other categories do not vary between runs.
 */
export function summarise(page: AuditedPage, runs: Result[]): { summary: PageSummary; representative: Result } {
  if (runs.length === 0) throw new Error(`No Lighthouse result for ${page.name}`);
  const byPerformance = [...runs].sort((a, b) => (score(a, 'performance') ?? -1) - (score(b, 'performance') ?? -1));
  const representative = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
  const scripts = scriptsLoaded(representative);
  return {
    representative,
    summary: {
      page,
      scores: Object.fromEntries(CATEGORIES.map((category) => [category, score(representative, category)])) as PageSummary['scores'],
      scriptTransferBytes: scripts.reduce((sum, script) => sum + script.transferBytes, 0),
      scripts,
      performanceRuns: runs.map((run) => score(run, 'performance') ?? -1),
      seoIgnoringIndexing: scoreWithout(representative, 'seo', ['is-crawlable']),
    },
  };
}

export function missedTargets(summaries: PageSummary[]): Miss[] {
  const misses: Miss[] = [];
  for (const summary of summaries) {
    const { page, scriptTransferBytes } = summary;
    for (const category of CATEGORIES) {
      const value = judgedScore(summary, category);
      const minimum = TARGETS.minimumScore[category];
      if (value === null || value < minimum) {
        const wanted = minimum === 100 ? '100' : `at least ${minimum}`;
        misses.push({ page: page.name, target: category, description: `${LABELS[category]} ${value ?? 'not scored'} (target ${wanted})` });
      }
    }
    if (page.isPublic && scriptTransferBytes >= TARGETS.maxPublicScriptBytes) {
      misses.push({
        page: page.name,
        target: 'javascript',
        description: `${kilobytes(scriptTransferBytes)} kB of compressed JavaScript (target under ${kilobytes(TARGETS.maxPublicScriptBytes)} kB)`,
      });
    }
  }
  return misses;
}

/** The score a target is judged on: Lighthouse's own, except SEO on a signed-in page (see seoIgnoringIndexing). */
export function judgedScore(summary: PageSummary, category: Category): number | null {
  if (category === 'seo' && !summary.page.isPublic) return summary.seoIgnoringIndexing;
  return summary.scores[category];
}

export function kilobytes(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** The table: one row per page, targets in the header, a mark beside every value that misses. */
export function formatTable(summaries: PageSummary[]): string {
  const mark = (ok: boolean) => (ok ? ' ' : '✗');
  const header = ['page', 'path', 'perf', 'a11y', 'best pr.', 'SEO', 'JS kB (compressed)'];
  const targets = ['target', '', '≥ 95', '100', '≥ 95', '≥ 95', '< 100 on public pages'];
  const rows = summaries.map((summary) => {
    const { page, scores, scriptTransferBytes, performanceRuns } = summary;
    const cells = CATEGORIES.map((category) => {
      const value = scores[category];
      const judged = judgedScore(summary, category);
      const text = value === null ? '-' : judged === value ? String(value) : `${value} (${judged ?? '-'} unindexed)`;
      return `${text}${mark(judged !== null && judged >= TARGETS.minimumScore[category])}`;
    });
    if (performanceRuns.length > 1) cells[0] = `${cells[0]} (runs ${performanceRuns.join('/')})`;
    const jsOk = !page.isPublic || scriptTransferBytes < TARGETS.maxPublicScriptBytes;
    const js = `${kilobytes(scriptTransferBytes)}${mark(jsOk)}${page.isPublic ? '' : ' (signed in: no target)'}`;
    return [page.name, page.path, ...cells, js];
  });
  const all = [header, targets, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), rule, line(targets), ...rows.map(line)].join('\n');
}

type AuditResult = Result['audits'][string];

function failingAudits(lhr: Result, category: Category): Array<{ audit: AuditResult; weight: number }> {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => ({ audit: lhr.audits[ref.id]!, weight: ref.weight, group: ref.group }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .filter(
      ({ audit }) =>
        audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric' || audit.scoreDisplayMode === 'metricSavings',
    )
    .sort((a, b) => b.weight - a.weight || (a.audit.score ?? 0) - (b.audit.score ?? 0));
}

interface DetailItem {
  node?: { selector?: string; snippet?: string; nodeLabel?: string };
  url?: string;
  source?: { url?: string };
  description?: string;
  wastedBytes?: number;
}

/** Up to `limit` short examples from an audit's details: the elements or URLs it flagged. */
function examples(audit: AuditResult, limit = 3): string[] {
  const details = audit.details;
  const items = (details && 'items' in details ? details.items : []) as DetailItem[];
  return items.slice(0, limit).map((item) => {
    const node = item.node;
    if (node) return `${node.selector ?? ''} ${node.snippet ? node.snippet.slice(0, 120) : ''}`.trim();
    const url = item.url ?? item.source?.url;
    if (url) return `${shortUrl(url)}${item.wastedBytes ? ` (${kilobytes(item.wastedBytes)} kB to save)` : ''}`;
    return (item.description ?? JSON.stringify(item)).slice(0, 160);
  });
}

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

const PERFORMANCE_METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/** The findings that explain one miss: failed audits with their flagged elements, metrics, or the biggest scripts. */
export function explainMiss(miss: Miss, lhr: Result, summary: PageSummary): string[] {
  if (miss.target === 'javascript') {
    return summary.scripts
      .slice(0, 6)
      .map(
        (script) => `${kilobytes(script.transferBytes)} kB compressed (${kilobytes(script.resourceBytes)} kB raw)  ${shortUrl(script.url)}`,
      );
  }
  const lines: string[] = [];
  if (miss.target === 'performance') {
    const metrics = PERFORMANCE_METRICS.map((id) => lhr.audits[id])
      .filter((audit): audit is AuditResult => Boolean(audit))
      .map((audit) => `${audit.title} ${audit.displayValue ?? '-'} (score ${Math.round((audit.score ?? 0) * 100)})`);
    lines.push(`metrics: ${metrics.join('; ')}`);
    const opportunities = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.metricSavings && !PERFORMANCE_METRICS.includes(audit.id))
      .filter((audit) => Object.values(audit.metricSavings ?? {}).some((saving) => (saving ?? 0) > 0))
      .slice(0, 6);
    for (const audit of opportunities) {
      const savings = Object.entries(audit.metricSavings ?? {})
        .filter(([, saving]) => (saving ?? 0) > 0)
        .map(([metric, saving]) => `${metric} -${Math.round(saving ?? 0)}${metric === 'CLS' ? '' : ' ms'}`)
        .join(', ');
      lines.push(`${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''} (saves ${savings})`);
      for (const example of examples(audit)) lines.push(`    ${example}`);
    }
    return lines;
  }
  for (const { audit } of failingAudits(lhr, miss.target).slice(0, 6)) {
    lines.push(`${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    for (const example of examples(audit)) lines.push(`    ${example}`);
  }
  return lines;
}

/** What the run emulated, said plainly, from the settings Lighthouse reports it used. */
export function describeSettings(lhr: Result): string {
  const settings = lhr.configSettings;
  const throttling = settings.throttling;
  const screen = settings.screenEmulation;
  const network =
    settings.throttlingMethod === 'simulate'
      ? `simulated throttling (${throttling.rttMs} ms RTT, ${Math.round(((throttling.throughputKbps ?? 0) / 1024) * 10) / 10} Mbps, CPU ${throttling.cpuSlowdownMultiplier}x slower)`
      : `${settings.throttlingMethod} throttling`;
  return (
    `Lighthouse ${lhr.lighthouseVersion}, default ${settings.formFactor} preset: ${screen.width}x${screen.height} ` +
    `${screen.mobile ? 'mobile' : 'desktop'} screen, ${network}; Chromium ${lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}, ` +
    `benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`
  );
}
