/**
 * The digest as an HTML email/web page: inline styles only (email clients drop <style> and external
 * CSS), tables for layout, and every piece of text escaped — evidence titles, feed titles and errors
 * come from the web. Links are emitted only for http(s) URLs.
 */
import type { DigestContent, DigestEvidence, DigestFailedFeed, DigestMover, DigestTrend } from '../digest.types';
import {
  NOTHING_MOVED_SENTENCE,
  digestTitle,
  directionLabel,
  escapeHtml,
  formatChange,
  formatScore,
  isoDay,
  safeHttpUrl,
  singleLine,
} from './render-helpers';
import { renderSparklineSvg } from '../../common/charts/sparkline-svg';

const STYLE = {
  page: 'margin:0;padding:16px;background:#f6f8fa;',
  body: 'max-width:760px;margin:0 auto;padding:24px;background:#ffffff;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;',
  h1: 'font-size:22px;margin:0 0 4px;',
  h2: 'font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px;',
  h3: 'font-size:15px;margin:16px 0 4px;',
  muted: 'color:#57606a;font-size:12px;',
  table: 'border-collapse:collapse;width:100%;',
  th: 'text-align:left;padding:6px 8px;border-bottom:2px solid #d0d7de;font-size:12px;color:#57606a;',
  td: 'padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top;',
  link: 'color:#0969da;',
} as const;

const SPARKLINE_SIZE = { width: 120, height: 28, domain: [-1, 1] as const };

/** A complete, self-contained HTML document. */
export function renderHtml(content: DigestContent): string {
  const title = escapeHtml(digestTitle(content));
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${title}</title></head>`,
    `<body style="${STYLE.page}">${renderHtmlFragment(content)}</body></html>`,
  ].join('\n');
}

/** The page body alone, for embedding (e.g. Atom entry content). */
export function renderHtmlFragment(content: DigestContent): string {
  return [
    `<div style="${STYLE.body}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(digestTitle(content))}</h1>`,
    `<p style="${STYLE.muted}">Generated ${escapeHtml(content.generatedAt)}</p>`,
    content.nothingMoved ? `<p><strong>${escapeHtml(NOTHING_MOVED_SENTENCE)}</strong></p>` : '',
    renderMovers(content.movers),
    renderTrendTable(content.trends),
    ...content.trends.filter((t) => t.topEvidence.length > 0).map(renderTopEvidence),
    renderFailedFeeds(content.failedFeeds),
    '</div>',
  ].join('\n');
}

function renderMovers(movers: readonly DigestMover[]): string {
  if (movers.length === 0) return '';
  const items = movers.map(
    (m) =>
      `<li><strong>#${m.number} ${escapeHtml(m.titleEn)}</strong> — ${escapeHtml(directionLabel(m.direction))} (${formatChange(m.change)})</li>`,
  );
  return `<h2 style="${STYLE.h2}">Movers</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
}

function renderTrendTable(trends: readonly DigestTrend[]): string {
  return `<h2 style="${STYLE.h2}">Predictions</h2>\n${table(['#', 'Prediction', 'Momentum', 'Last periods', 'Verdict'], trends.map(renderTrendRow))}`;
}

function renderTrendRow(trend: DigestTrend): string {
  const { momentum } = trend;
  const sparkline = renderSparklineSvg(trend.series, {
    ...SPARKLINE_SIZE,
    label: `Momentum of prediction ${trend.number}, oldest to newest`,
  });
  const pending =
    trend.pendingReview > 0 ? `<br><span style="${STYLE.muted}">${trend.pendingReview} awaiting review</span>` : '';
  const cells = [
    String(trend.number),
    `${escapeHtml(trend.titleEn)}<br><span style="${STYLE.muted}">${escapeHtml(trend.titleZh)}</span>`,
    `${formatScore(momentum.score)} ${escapeHtml(directionLabel(momentum.direction))}<br><span style="${STYLE.muted}">${formatChange(momentum.change)} since last digest</span>`,
    sparkline,
    `${escapeHtml(trend.verdict)}${pending}`,
  ];
  return tableRow(cells);
}

function renderTopEvidence(trend: DigestTrend): string {
  const items = trend.topEvidence.map(
    (e) =>
      `<li>${evidenceLink(e)} — ${escapeHtml(e.stance)}, ${formatScore(e.score)}, ${escapeHtml(isoDay(e.publishedAt))}</li>`,
  );
  return `<h3 style="${STYLE.h3}">#${trend.number} ${escapeHtml(trend.titleEn)}: top evidence</h3>\n<ul>\n${items.join('\n')}\n</ul>`;
}

function evidenceLink(evidence: DigestEvidence): string {
  return linkOrText(singleLine(evidence.title) || '(untitled)', evidence.url);
}

/** An anchor for http(s) URLs; anything else (javascript:, data:, junk) leaves the text unlinked. */
function linkOrText(text: string, rawUrl: string | null): string {
  const url = safeHttpUrl(rawUrl);
  return url ? `<a href="${escapeHtml(url)}" style="${STYLE.link}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function renderFailedFeeds(feeds: readonly DigestFailedFeed[]): string {
  if (feeds.length === 0) return '';
  const rows = feeds.map((feed) => {
    const nameCell = linkOrText(singleLine(feed.title ?? '') || feed.url, feed.url);
    return tableRow([nameCell, String(feed.errors), escapeHtml(singleLine(feed.lastError ?? ''))]);
  });
  return `<h2 style="${STYLE.h2}">Feeds with errors</h2>\n${table(['Feed', 'Errors', 'Last error'], rows)}`;
}

/** `headers` are trusted literals; `rows` are already-rendered <tr> elements. */
function table(headers: readonly string[], rows: readonly string[]): string {
  const headerCells = headers.map((name) => `<th style="${STYLE.th}">${name}</th>`).join('');
  return [
    `<table style="${STYLE.table}" cellpadding="0" cellspacing="0">`,
    `<thead><tr>${headerCells}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`,
  ].join('\n');
}

/** `cells` must already be escaped HTML. */
function tableRow(cells: readonly string[]): string {
  return `<tr>${cells.map((cell) => `<td style="${STYLE.td}">${cell}</td>`).join('')}</tr>`;
}
