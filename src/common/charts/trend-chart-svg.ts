/**
 * A prediction's weekly chart, drawn server-side as SVG: supporting share rises above the middle
 * line, contradicting share falls below it (so the two never hide each other), the week's article
 * volume is drawn as bars beneath, and the strongest items are pinned as numbered markers at their
 * weeks, the way prediction markets annotate their charts with news. Colours come both as
 * presentation attributes and as class names, so a stylesheet can recolour (dark mode).
 */
import { escapeHtml } from '../html-escape';
import { finiteOrZero, positiveOr, round } from './chart-numbers';

export interface TrendChartWeek {
  /** Shown under the first, middle and last bars, e.g. "2026-05-25". */
  label: string;
  supportingShare: number;
  contradictingShare: number;
  articles: number;
}

export interface TrendChartPin {
  /** Index into `weeks`. */
  week: number;
  /** Short marker text, e.g. "1"; the page lists what each marker stands for. */
  marker: string;
  stance: 'supports' | 'contradicts';
  /** Tooltip (SVG <title>), escaped. */
  title: string;
}

export interface TrendChartOptions {
  width?: number;
  height?: number;
  /** Accessible name of the whole chart, escaped. */
  label: string;
  /** Axis captions, escaped. */
  captions: { supporting: string; contradicting: string; volume: string };
}

const COLOURS = { supports: '#1a7f37', contradicts: '#cf222e', volume: '#8c959f', axis: '#d0d7de', text: '#57606a' };
const MARGIN = { left: 8, right: 8, top: 14, bottom: 16 };
const VOLUME_SHARE_OF_HEIGHT = 0.22;
const GAP = 16;

interface Layout {
  width: number;
  mid: number;
  shareHalf: number;
  volumeTop: number;
  volumeHeight: number;
  step: number;
  maxShare: number;
  maxArticles: number;
}

export function renderTrendChartSvg(
  weeks: readonly TrendChartWeek[],
  pins: readonly TrendChartPin[],
  options: TrendChartOptions,
): string {
  const width = positiveOr(options.width ?? 720, 720);
  const height = positiveOr(options.height ?? 260, 260);
  const layout = layoutFor(weeks, width, height);
  const label = escapeHtml(options.label);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    axes(layout, options.captions),
    areaPath(weeks, layout, 'supports'),
    areaPath(weeks, layout, 'contradicts'),
    volumeBars(weeks, layout),
    weekLabels(weeks, layout, height),
    ...pins.filter((p) => p.week >= 0 && p.week < weeks.length).map((p) => pinMarker(p, weeks[p.week]!, layout)),
    '</svg>',
  ].join('');
}

function layoutFor(weeks: readonly TrendChartWeek[], width: number, height: number): Layout {
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const volumeHeight = plotHeight * VOLUME_SHARE_OF_HEIGHT;
  const shareHeight = plotHeight - volumeHeight - GAP;
  const maxShare = weeks.reduce(
    (m, w) => Math.max(m, finiteOrZero(w.supportingShare), finiteOrZero(w.contradictingShare)),
    0,
  );
  return {
    width,
    mid: MARGIN.top + shareHeight / 2,
    shareHalf: shareHeight / 2,
    volumeTop: MARGIN.top + shareHeight + GAP,
    volumeHeight,
    step: (width - MARGIN.left - MARGIN.right) / Math.max(1, weeks.length),
    maxShare: maxShare > 0 ? maxShare : 1,
    maxArticles: Math.max(1, ...weeks.map((w) => finiteOrZero(w.articles))),
  };
}

/** Centre of week i's column. */
function xOf(i: number, l: Layout): number {
  return MARGIN.left + l.step * (i + 0.5);
}

function yOf(week: TrendChartWeek, stance: TrendChartPin['stance'], l: Layout): number {
  const value = finiteOrZero(stance === 'supports' ? week.supportingShare : week.contradictingShare);
  const offset = (value / l.maxShare) * l.shareHalf;
  return stance === 'supports' ? l.mid - offset : l.mid + offset;
}

function axes(l: Layout, captions: TrendChartOptions['captions']): string {
  const text = (y: number, caption: string) =>
    `<text class="chart-caption" x="${MARGIN.left}" y="${round(y)}" font-size="10" fill="${COLOURS.text}">${escapeHtml(caption)}</text>`;
  return [
    `<line class="chart-baseline" x1="${MARGIN.left}" y1="${round(l.mid)}" x2="${l.width - MARGIN.right}" y2="${round(l.mid)}" stroke="${COLOURS.axis}"/>`,
    text(MARGIN.top - 3, captions.supporting),
    text(l.mid + l.shareHalf - 2, captions.contradicting),
    text(l.volumeTop - 3, captions.volume),
  ].join('');
}

/** A closed area from the middle line to each week's share, one point per week. */
function areaPath(weeks: readonly TrendChartWeek[], l: Layout, stance: TrendChartPin['stance']): string {
  if (weeks.length === 0) return '';
  const points = weeks.map((w, i) => `${round(xOf(i, l))},${round(yOf(w, stance, l))}`);
  const first = round(xOf(0, l));
  const last = round(xOf(weeks.length - 1, l));
  const d = `M${first},${round(l.mid)} L${points.join(' L')} L${last},${round(l.mid)} Z`;
  const colour = COLOURS[stance];
  return `<path class="chart-area ${stance}" d="${d}" fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round"/>`;
}

function volumeBars(weeks: readonly TrendChartWeek[], l: Layout): string {
  const barWidth = round(Math.max(1, l.step * 0.7));
  return weeks
    .map((w, i) => {
      const h = (finiteOrZero(w.articles) / l.maxArticles) * l.volumeHeight;
      const x = round(xOf(i, l) - barWidth / 2);
      const y = round(l.volumeTop + l.volumeHeight - h);
      return `<rect class="chart-volume" x="${x}" y="${y}" width="${barWidth}" height="${round(h)}" fill="${COLOURS.volume}"><title>${escapeHtml(`${w.label}: ${w.articles}`)}</title></rect>`;
    })
    .join('');
}

function weekLabels(weeks: readonly TrendChartWeek[], l: Layout, height: number): string {
  if (weeks.length === 0) return '';
  const shown = [...new Set([0, Math.floor((weeks.length - 1) / 2), weeks.length - 1])];
  return shown
    .map((i, k) => {
      const anchor = k === 0 ? 'start' : k === shown.length - 1 ? 'end' : 'middle';
      const x = anchor === 'start' ? MARGIN.left : anchor === 'end' ? l.width - MARGIN.right : xOf(i, l);
      return `<text class="chart-caption" x="${round(x)}" y="${height - 3}" font-size="10" text-anchor="${anchor}" fill="${COLOURS.text}">${escapeHtml(weeks[i]!.label)}</text>`;
    })
    .join('');
}

function pinMarker(pin: TrendChartPin, week: TrendChartWeek, l: Layout): string {
  const x = round(xOf(pin.week, l));
  const y = round(yOf(week, pin.stance, l));
  const colour = COLOURS[pin.stance];
  return [
    `<g class="chart-pin ${pin.stance}"><title>${escapeHtml(pin.title)}</title>`,
    `<circle cx="${x}" cy="${y}" r="8" fill="${colour}" stroke="#ffffff" stroke-width="1.5"/>`,
    `<text x="${x}" y="${round(y + 3.5)}" font-size="10" font-weight="bold" text-anchor="middle" fill="#ffffff">${escapeHtml(pin.marker)}</text>`,
    '</g>',
  ].join('');
}
