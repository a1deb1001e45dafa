import { renderSparklineSvg } from '../../../src/common/charts/sparkline-svg';

/** The polyline's points as [x, y] pairs. */
function plotted(svg: string): number[][] {
  const points = /<polyline [^>]*points="([^"]*)"/.exec(svg)?.[1] ?? '';
  return points
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split(',').map(Number));
}

describe('renderSparklineSvg', () => {
  const size = { width: 100, height: 20 };

  it('draws one point per value, left to right, higher values nearer the top', () => {
    const points = plotted(renderSparklineSvg([0, 0.5, 1], size));
    expect(points).toHaveLength(3);
    expect(points.map(([x]) => x)).toEqual([2, 50, 98]);
    expect(points[2][1]).toBeLessThan(points[1][1]);
    expect(points[1][1]).toBeLessThan(points[0][1]);
  });

  it('keeps every point inside the box, even beyond a fixed domain', () => {
    const points = plotted(renderSparklineSvg([-5, 0, 5], { ...size, domain: [-1, 1] }));
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(100);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(20);
    }
  });

  it('declares its size and escapes its accessible label', () => {
    const svg = renderSparklineSvg([0.1], { ...size, label: '<b>"momentum"</b>' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="100" height="20" viewBox="0 0 100 20"/);
    expect(svg).toContain('<title>&lt;b&gt;&quot;momentum&quot;&lt;/b&gt;</title>');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('survives empty series and non-finite values', () => {
    expect(renderSparklineSvg([], size)).not.toContain('<polyline');
    const svg = renderSparklineSvg([Number.NaN, Infinity, 0.2], size);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(plotted(svg)).toHaveLength(3);
  });
});
