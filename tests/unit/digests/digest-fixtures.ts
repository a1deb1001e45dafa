import { buildDigestContent, type DigestBuildInput, type DigestTrendInput } from '../../../src/digests/digest-builder';
import type { DigestContent } from '../../../src/digests/digest.types';

export const HOSTILE_TITLE =
  '<script>alert("x")</script> & <img src=x onerror=alert(1)> [click](javascript:alert(2)) | pipe';

export function trendInput(overrides: Partial<DigestTrendInput> & Pick<DigestTrendInput, 'number'>): DigestTrendInput {
  return {
    slug: `trend-${overrides.number}`,
    titleEn: `Prediction ${overrides.number}`,
    titleZh: `预测${overrides.number}`,
    momentumAtStart: { score: 0, direction: 'steady' },
    momentumAtEnd: { score: 0, direction: 'steady' },
    newSupporting: 0,
    newContradicting: 0,
    pendingReview: 0,
    topEvidence: [],
    series: [0, 0, 0],
    ...overrides,
  };
}

export function digestInput(trends: DigestTrendInput[], overrides: Partial<DigestBuildInput> = {}): DigestBuildInput {
  return {
    periodStart: new Date('2024-11-25T00:00:00Z'),
    periodEnd: new Date('2024-12-02T00:00:00Z'),
    generatedAt: new Date('2024-12-02T06:00:00Z'),
    trends,
    failedFeeds: [],
    ...overrides,
  };
}

/** A digest with one mover, hostile evidence (titles and URLs) and a hostile failed feed. */
export function hostileDigest(): DigestContent {
  return buildDigestContent(
    digestInput(
      [
        trendInput({
          number: 3,
          titleEn: 'Agents <b>everywhere</b>',
          momentumAtStart: { score: 0.05, direction: 'steady' },
          momentumAtEnd: { score: 0.4, direction: 'rising' },
          newSupporting: 12,
          newContradicting: 1,
          pendingReview: 4,
          series: [0, 0.1, 0.4],
          topEvidence: [
            {
              title: HOSTILE_TITLE,
              url: 'javascript:alert(document.cookie)',
              publishedAt: '2024-11-27T10:00:00.000Z',
              stance: 'supports',
              score: 0.91,
            },
            {
              title: 'Safe "quoted" title',
              url: 'https://news.example/a?x=1&y=(2)',
              publishedAt: new Date('2024-11-28T00:00:00Z'),
              stance: 'contradicts',
              score: 0.5,
            },
            {
              title: 'Data URL',
              url: 'data:text/html,<script>alert(3)</script>',
              publishedAt: '2024-11-29T00:00:00.000Z',
              stance: 'supports',
              score: 0.4,
            },
          ],
        }),
        trendInput({ number: 1 }),
      ],
      {
        failedFeeds: [
          {
            feedId: 7,
            url: 'javascript:alert(4)',
            title: '<script>feed()</script>',
            errors: 3,
            lastError: 'HTTP 500 <html>',
          },
        ],
      },
    ),
  );
}
