/**
 * A tiny chart drawn server-side as inline SVG, so a digest or a page needs no scripts or images.
 * Colours are presentation attributes (email clients keep them); the class names let a page's
 * stylesheet recolour them, e.g. for dark mode, since CSS rules override presentation attributes.
 */
import { escapeHtml } from '../html-escape';
import { clamp, positiveOr, round } from './chart-numbers';

export interface SparklineOptions {
  width: number;
  height: number;
  /** Fixed value range, e.g. [−1, 1] to make sparklines comparable; default: the data's range and 0. */
  domain?: readonly [number, number];
  /** Accessible name, escaped. */
  label?: string;
}

const PADDING = 2; // keeps the stroke and end dot inside the box
const COLOURS = { up: '#1a7f37', down: '#cf222e', flat: '#57606a', baseline: '#d0d7de' };

export function renderSparklineSvg(values: readonly number[], options: SparklineOptions): string {
  const width = positiveOr(options.width, 120);
  const height = positiveOr(options.height, 28);
  const finite = values.map((v) => (Number.isFinite(v) ? v : 0));
  const [low, high] = valueRange(finite, options.domain);
  const x = (i: number) =>
    finite.length < 2 ? width - PADDING : PADDING + (i * (width - 2 * PADDING)) / (finite.length - 1);
  const y = (v: number) => PADDING + ((high - clamp(v, low, high)) * (height - 2 * PADDING)) / (high - low);
  const label = escapeHtml(options.label ?? 'Momentum over time');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<line class="chart-baseline" x1="0" y1="${round(y(0))}" x2="${width}" y2="${round(y(0))}" stroke="${COLOURS.baseline}" stroke-width="1"/>`,
  ];
  const last = finite[finite.length - 1];
  if (last !== undefined) {
    const tone = last > 0 ? 'up' : last < 0 ? 'down' : 'flat';
    const colour = COLOURS[tone];
    const points =
      finite.length < 2
        ? [
            [PADDING, y(last)],
            [width - PADDING, y(last)],
          ]
        : finite.map((v, i) => [x(i), y(v)]);
    parts.push(
      `<polyline class="chart-line ${tone}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round" points="${points.map(([px, py]) => `${round(px)},${round(py)}`).join(' ')}"/>`,
      `<circle class="chart-dot ${tone}" cx="${round(x(finite.length - 1))}" cy="${round(y(last))}" r="2" fill="${colour}"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The drawing range: the given domain, or the data's extent widened to include the 0 baseline. */
function valueRange(values: readonly number[], domain?: readonly [number, number]): [number, number] {
  if (domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) && domain[1] > domain[0]) {
    return [domain[0], domain[1]];
  }
  const low = values.reduce((min, v) => Math.min(min, v), 0);
  const high = values.reduce((max, v) => Math.max(max, v), 0);
  return high > low ? [low, high] : [-1, 1]; // all zeros: draw the baseline mid-height
}
