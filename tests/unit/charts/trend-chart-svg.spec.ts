import { renderBalanceBarSvg } from '../../../src/common/charts/balance-bar-svg';
import { renderTrendChartSvg } from '../../../src/common/charts/trend-chart-svg';

const captions = { supporting: 'supporting', contradicting: 'contradicting', volume: 'volume' };
const week = (supportingShare: number, contradictingShare: number, articles: number, label = 'w') => ({
  label,
  supportingShare,
  contradictingShare,
  articles,
});

/** The y coordinates of an area path's points, the two ends on the middle line excluded. */
function areaYs(svg: string, stance: string): number[] {
  const d = new RegExp(`class="chart-area ${stance}" d="([^"]*)"`).exec(svg)![1]!;
  const ys = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));
  return ys.slice(1, -1);
}

describe('renderTrendChartSvg', () => {
  it('draws supporting share above the middle line and contradicting below it', () => {
    const svg = renderTrendChartSvg([week(0.1, 0.02, 10), week(0.2, 0.05, 20)], [], { label: 'c', captions });
    const up = areaYs(svg, 'supports');
    const down = areaYs(svg, 'contradicts');
    const mid = Number(/class="chart-baseline" x1="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
    expect(up.every((y) => y < mid)).toBe(true);
    expect(down.every((y) => y > mid)).toBe(true);
    expect(up[1]!).toBeLessThan(up[0]!); // larger share, higher
  });

  it('draws one volume bar per week, taller for more articles', () => {
    const svg = renderTrendChartSvg([week(0, 0, 5), week(0, 0, 10)], [], { label: 'c', captions });
    const heights = [...svg.matchAll(/class="chart-volume"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]!).toBeCloseTo(heights[0]! * 2, 1);
  });

  it('pins markers at their weeks and escapes every text', () => {
    const svg = renderTrendChartSvg(
      [week(0.1, 0, 1, '<b>'), week(0.1, 0, 1)],
      [
        { week: 1, marker: '1', stance: 'supports', title: 'Big <news> & "more"' },
        { week: 9, marker: '2', stance: 'supports', title: 'off chart' },
      ],
      { label: 'a "chart"', captions },
    );
    expect(svg).toContain('<title>Big &lt;news&gt; &amp; &quot;more&quot;</title>');
    expect(svg).not.toContain('off chart');
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('aria-label="a &quot;chart&quot;"');
  });

  it('draws an empty series without failing', () => {
    expect(renderTrendChartSvg([], [], { label: 'empty', captions })).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});

describe('renderBalanceBarSvg', () => {
  it('splits the bar in proportion, and draws an empty bar for nothing', () => {
    const svg = renderBalanceBarSvg(3, 1, { width: 100, label: 'b' });
    expect(/class="balance-supports" width="([\d.]+)"/.exec(svg)![1]).toBe('75');
    expect(renderBalanceBarSvg(0, 0, { label: 'none' })).toContain('balance-empty');
  });
});
