/**
 * The digest as Markdown (chat webhooks, the API). Untrusted text is flattened to one line and its
 * Markdown/HTML punctuation backslash-escaped, so a title cannot open a link, a table cell or a tag.
 */
import type { DigestContent, DigestEvidence, DigestFailedFeed, DigestMover, DigestTrend } from '../digest.types';
import {
  NOTHING_MOVED_SENTENCE,
  digestTitle,
  directionLabel,
  formatChange,
  formatScore,
  isoDay,
  safeHttpUrl,
  singleLine,
} from './render-helpers';

/** CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that build syntax. */
function escapeMarkdown(text: string): string {
  return singleLine(text).replace(/[\\`*_{}[\]()<>#|!~&"]/g, '\\$&');
}

export function renderMarkdown(content: DigestContent): string {
  const sections = [
    `# ${escapeMarkdown(digestTitle(content))}`,
    `_Generated ${escapeMarkdown(content.generatedAt)}_`,
    content.nothingMoved ? `**${NOTHING_MOVED_SENTENCE}**` : '',
    renderMovers(content.movers),
    renderTrendTable(content.trends),
    ...content.trends.filter((t) => t.topEvidence.length > 0).map(renderTopEvidence),
    renderFailedFeeds(content.failedFeeds),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function renderMovers(movers: readonly DigestMover[]): string {
  if (movers.length === 0) return '';
  const items = movers.map(
    (m) =>
      `- **#${m.number} ${escapeMarkdown(m.titleEn)}**: ${directionLabel(m.direction)} (${formatChange(m.change)})`,
  );
  return ['## Movers', '', ...items].join('\n');
}

function renderTrendTable(trends: readonly DigestTrend[]): string {
  const rows = trends.map((t) => {
    const momentum = `${formatScore(t.momentum.score)} ${directionLabel(t.momentum.direction)} (${formatChange(t.momentum.change)})`;
    const title = `${escapeMarkdown(t.titleEn)} / ${escapeMarkdown(t.titleZh)}`;
    const outlook = t.outlook ? ` (${escapeMarkdown(t.outlook.label)})` : '';
    return `| ${t.number} | ${title} | ${momentum} | ${escapeMarkdown(t.verdict)}${outlook} | ${t.pendingReview} |`;
  });
  return [
    '## Predictions',
    '',
    '| # | Prediction | Momentum | Verdict | Pending review |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function renderTopEvidence(trend: DigestTrend): string {
  const items = trend.topEvidence.map(
    (e) =>
      `- ${evidenceLink(e)}: ${escapeMarkdown(e.stance)}, ${formatScore(e.score)}, ${escapeMarkdown(isoDay(e.publishedAt))}`,
  );
  return [`### #${trend.number} ${escapeMarkdown(trend.titleEn)}: top evidence`, '', ...items].join('\n');
}

function evidenceLink(evidence: DigestEvidence): string {
  return markdownLink(evidence.title || '(untitled)', evidence.url);
}

/** [text](url) for http(s) URLs, with parentheses percent-encoded so they cannot close the link early. */
function markdownLink(text: string, rawUrl: string | null): string {
  const url = safeHttpUrl(rawUrl);
  if (!url) return escapeMarkdown(text);
  return `[${escapeMarkdown(text)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

function renderFailedFeeds(feeds: readonly DigestFailedFeed[]): string {
  if (feeds.length === 0) return '';
  const items = feeds.map((f) => {
    const lastError = f.lastError ? `, last: ${escapeMarkdown(f.lastError)}` : '';
    return `- ${markdownLink(f.title || f.url, f.url)}: ${f.errors} ${f.errors === 1 ? 'error' : 'errors'}${lastError}`;
  });
  return ['## Feeds with errors', '', ...items].join('\n');
}
