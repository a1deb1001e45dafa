/**
 * Supporting against contradicting as one horizontal bar in SVG (a width set in a style attribute
 * would need 'unsafe-inline' in the pages' Content-Security-Policy). An empty bar when both are 0.
 */
import { escapeHtml } from '../html-escape';
import { finiteOrZero, positiveOr, round } from './chart-numbers';

export interface BalanceBarOptions {
  width?: number;
  height?: number;
  /** Accessible name, escaped. */
  label: string;
}

const COLOURS = { supports: '#1a7f37', contradicts: '#cf222e', empty: '#d0d7de' };

/** `supporting` and `contradicting` are weights or counts; only their proportion is drawn. */
export function renderBalanceBarSvg(supporting: number, contradicting: number, options: BalanceBarOptions): string {
  const width = positiveOr(options.width ?? 120, 120);
  const height = positiveOr(options.height ?? 10, 10);
  const s = Math.max(0, finiteOrZero(supporting));
  const c = Math.max(0, finiteOrZero(contradicting));
  const label = escapeHtml(options.label);
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="balance-bar" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>`;
  if (s + c === 0) {
    return `${open}<rect class="balance-empty" width="${width}" height="${height}" rx="2" fill="${COLOURS.empty}"/></svg>`;
  }
  const split = round((s / (s + c)) * width);
  return [
    open,
    `<rect class="balance-contradicts" width="${width}" height="${height}" rx="2" fill="${COLOURS.contradicts}"/>`,
    `<rect class="balance-supports" width="${split}" height="${height}" rx="2" fill="${COLOURS.supports}"/>`,
    '</svg>',
  ].join('');
}
