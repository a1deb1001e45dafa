import { buildDigestContent, outlookLabel } from '../../../src/digests/digest-builder';
import { renderAtomFeed } from '../../../src/digests/renderers/atom';
import { renderHtml } from '../../../src/digests/renderers/html';
import { renderMarkdown } from '../../../src/digests/renderers/markdown';
import { renderPlainText } from '../../../src/digests/renderers/plain-text';
import { digestInput, trendInput } from './digest-fixtures';

describe('digest outlook (horizon and verdict)', () => {
  it('labels time to the horizon and resolutions', () => {
    const base = { horizon: '2027-07-01', outcome: null };
    expect(outlookLabel({ ...base, status: 'on-track', daysToHorizon: 40 })).toBe('due in 40 days, on-track');
    expect(outlookLabel({ ...base, status: 'mixed', daysToHorizon: 0 })).toBe('due today, mixed');
    expect(outlookLabel({ ...base, status: 'too-early', daysToHorizon: -1 })).toBe(
      'horizon passed 1 day ago, too-early',
    );
    expect(outlookLabel({ ...base, status: 'resolved', daysToHorizon: 5, outcome: 'partly' })).toBe('resolved: partly');
  });

  it('shows it in every digest format', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({
          number: 4,
          outlook: { horizon: '2027-07-01', status: 'on-track', daysToHorizon: 40, outcome: null },
        }),
        trendInput({
          number: 9,
          outlook: { horizon: '2027-07-01', status: 'resolved', daysToHorizon: 40, outcome: 'partly' },
        }),
      ]),
    );
    const digest = {
      id: 1,
      periodStart: new Date(content.periodStart),
      periodEnd: new Date(content.periodEnd),
      content,
      createdAt: new Date(content.generatedAt),
    };
    const outputs = [
      renderHtml(content),
      renderMarkdown(content),
      renderPlainText(content),
      renderAtomFeed([digest], {
        selfUrl: 'https://scorecard.example/digests.atom',
        siteUrl: 'https://scorecard.example/',
      }),
    ];
    for (const out of outputs) {
      expect(out).toContain('due in 40 days, on-track');
      expect(out).toContain('resolved: partly');
    }
  });
});
