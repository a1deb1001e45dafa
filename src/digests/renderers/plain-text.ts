/**
 * The digest as plain text, the text/plain alternative of the email. Untrusted text is flattened to
 * one line so it cannot fake structure; only http(s) URLs are printed, since mail clients link them.
 */
import type { DigestContent, DigestTrend } from '../digest.types';
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

export function renderPlainText(content: DigestContent): string {
  const title = digestTitle(content);
  const lines = [title, '='.repeat(title.length), `Generated ${content.generatedAt}`, ''];
  if (content.nothingMoved) lines.push(NOTHING_MOVED_SENTENCE, '');
  if (content.movers.length > 0) {
    lines.push('Movers:');
    for (const m of content.movers)
      lines.push(`  #${m.number} ${singleLine(m.titleEn)}: ${directionLabel(m.direction)} (${formatChange(m.change)})`);
    lines.push('');
  }
  lines.push('Predictions:');
  for (const trend of content.trends) lines.push(...trendLines(trend));
  if (content.failedFeeds.length > 0) {
    lines.push('', 'Feeds with errors:');
    for (const f of content.failedFeeds) {
      const where = safeHttpUrl(f.url) ?? '';
      lines.push(
        `  ${singleLine(f.title ?? '') || where} (${f.errors} errors) ${where} ${singleLine(f.lastError ?? '')}`.trimEnd(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function trendLines(trend: DigestTrend): string[] {
  const { momentum } = trend;
  const pending = trend.pendingReview > 0 ? `; ${trend.pendingReview} awaiting review` : '';
  const lines = [
    '',
    `#${trend.number} ${singleLine(trend.titleEn)} / ${singleLine(trend.titleZh)}`,
    `  momentum ${formatScore(momentum.score)} ${directionLabel(momentum.direction)} (${formatChange(momentum.change)}): ${trend.verdict}${pending}`,
  ];
  if (trend.outlook) lines.push(`  verdict: ${trend.outlook.label} (horizon ${trend.outlook.horizon})`);
  for (const e of trend.topEvidence) {
    const url = safeHttpUrl(e.url);
    lines.push(
      `  - ${singleLine(e.title) || '(untitled)'} [${e.stance}, ${formatScore(e.score)}, ${isoDay(e.publishedAt)}]${url ? ` ${url}` : ''}`,
    );
  }
  return lines;
}
