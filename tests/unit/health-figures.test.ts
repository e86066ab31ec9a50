// The health page's arithmetic: which twelve weeks, the median and the rates, the summary sentence, and the
// CSV cells (quoting, and no formula a spreadsheet would run).
import { describe, expect, it } from 'vitest';
import { csvCell } from '@/lib/csv';
import { csvFilename, toCsv } from '@/lib/health/csv';
import { describeSeries, healthWeeks, hoursToDays, mean, median, percent, rate, weekKey, weekLabel } from '@/lib/health/figures';

describe('healthWeeks', () => {
  it('is the twelve complete weeks before the current one, Monday to Monday in UTC', () => {
    const window = healthWeeks(new Date('2026-12-07T14:00:00Z')); // a Monday
    expect(window.to.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-09-14T00:00:00.000Z');
    expect(window.starts).toHaveLength(12);
    expect(window.starts.map(weekKey).slice(-2)).toEqual(['2026-11-23', '2026-11-30']);
    for (const start of window.starts) expect(start.getUTCDay()).toBe(1);
  });

  it('leaves the current week out on any day of it, up to its last second', () => {
    for (const now of ['2026-12-09T00:00:00Z', '2026-12-13T23:59:59Z']) {
      expect(healthWeeks(new Date(now)).to.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    }
    expect(healthWeeks(new Date('2026-12-14T00:00:00Z')).to.toISOString()).toBe('2026-12-14T00:00:00.000Z');
  });

  it('is UTC whatever the clocks in London do (the weeks across October’s change are 7 days each)', () => {
    const window = healthWeeks(new Date('2026-11-04T09:00:00Z'));
    const gaps = window.starts.slice(1).map((start, index) => start.getTime() - window.starts[index]!.getTime());
    expect(new Set(gaps)).toEqual(new Set([7 * 86_400_000]));
  });

  it('labels a week by its Monday', () => {
    expect(weekLabel(new Date('2026-11-30T00:00:00Z'))).toBe('w/c 30 Nov');
  });
});

describe('median, mean and rates', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('does not reorder what it was given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('divides only when there is something to divide by', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(mean([4, 5])).toBe(4.5);
    expect(mean([])).toBeNull();
  });

  it('turns fractions into percentages and hours into days, keeping "nothing measured"', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(null)).toBeNull();
    expect(hoursToDays(36)).toBe(1.5);
    expect(hoursToDays(null)).toBeNull();
  });
});

describe('describeSeries', () => {
  const weeks = ['1 Jun', '8 Jun', '15 Jun'];

  it('says where a series started and ended, and its highest week', () => {
    expect(describeSeries({ label: 'Asks posted', values: [4, 9, 6] }, weeks)).toBe(
      'Asks posted rose from 4 (1 Jun) to 6 (15 Jun); highest 9 (8 Jun).',
    );
    expect(describeSeries({ label: 'No-show rate', values: [null, 12.5, 5], unit: '%' }, weeks)).toBe(
      'No-show rate fell from 12.5% (8 Jun) to 5% (15 Jun); highest 12.5% (8 Jun).',
    );
  });

  it('says so when nothing was measured, or the first and last weeks were the same', () => {
    expect(describeSeries({ label: 'Average rating', values: [null, null, null] }, weeks)).toBe(
      'Average rating: nothing to measure in these weeks.',
    );
    expect(describeSeries({ label: 'Held', values: [2, 2, 2] }, weeks)).toBe(
      'Held was 2 in the first week measured (1 Jun) and in the last (15 Jun); highest 2 (1 Jun).',
    );
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and leaves numbers and blanks plain', () => {
    expect(csvCell('Gifts in wills')).toBe('Gifts in wills');
    expect(csvCell('Pricing; trading, and "more"')).toBe('"Pricing; trading, and ""more"""');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('defuses a text cell a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'"), formula).toBe(true);
    }
  });

  it('writes a header and one line per row, CRLF, with a byte order mark for Excel', () => {
    const csv = toCsv({
      columns: [
        { key: 'skill', label: 'Skill', format: 'text' },
        { key: 'asks', label: 'Asks', format: 'count' },
      ],
      rows: [
        { skill: '=cmd', asks: 3 },
        { skill: 'GDPR', asks: null },
      ],
    });
    expect(csv).toBe("\uFEFFSkill,Asks\r\n'=cmd,3\r\nGDPR,\r\n");
  });

  it('names the file for the table, the region and the day', () => {
    expect(csvFilename('skills', new Date('2026-12-07T10:00:00Z'), 'SOUTH_WEST')).toBe('halfhour-health-skills-south-west-2026-12-07.csv');
    expect(csvFilename('flow', new Date('2026-12-07T10:00:00Z'))).toBe('halfhour-health-flow-2026-12-07.csv');
  });
});
