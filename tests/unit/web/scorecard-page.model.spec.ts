import { scorecardCards, ScorecardEntryView } from '../../../src/web/scorecard-page.model';
import { translator } from '../../../src/web/web-messages';

const base: ScorecardEntryView = {
  number: 4,
  slug: 'emotional-companionship',
  titleEn: 'Emotion perception',
  titleZh: '情绪感知',
  momentum: { score: 0.2, direction: 'rising', change: 0.05, balance: 0.5, share: 0.01, previousScore: 0.15 },
  balance: 0.5,
  evidence: { total: 10, supporting: 8, contradicting: 2, accepted: 6, pending: 4, rejected: 0 },
  lastEvidenceAt: '2026-11-30T08:00:00.000Z',
  strongestEvidence: [
    {
      id: 1,
      title: 'A story',
      url: 'javascript:alert(1)',
      stance: 'supports',
      score: 0.9,
      publishedAt: '2026-11-29T00:00:00.000Z',
    },
  ],
};
const today = new Date('2026-12-02T12:00:00Z');
const trends = [{ slug: 'emotional-companionship', horizon: '2026-2027 (within 2-3 years of July 2024)' }];

describe('scorecard cards', () => {
  it("shows the report's horizon words while the API has no verdict fields", () => {
    const [card] = scorecardCards([{ view: base, shares: [0, 0.01] }], trends, 'en', translator('en'), today);
    expect(card).toMatchObject({
      status: null,
      horizonLine: '2026-2027 (within 2-3 years of July 2024)',
      title: 'Emotion perception',
      otherTitle: '情绪感知',
    });
    expect(card!.strongest).toMatchObject({ title: 'A story', url: null }); // never a javascript: link
    expect(card!.countsLine).toBe('10 in all: 6 accepted, 4 pending, 0 rejected');
  });

  it('shows status and days to a dated horizon once the API returns them', () => {
    const view = { ...base, horizon: '2026-12-12', status: 'on-track' } as ScorecardEntryView;
    const [card] = scorecardCards([{ view, shares: [] }], trends, 'zh', translator('zh'), today);
    expect(card).toMatchObject({
      status: '符合预期',
      statusKey: 'on-track',
      horizonLine: '2026-12-12 · 距期限 10 天',
      title: '情绪感知',
    });
  });

  it("prefers the assessment's own days to horizon", () => {
    const view = { ...base, horizon: '2026-12-12', assessment: { daysToHorizon: 3 } } as ScorecardEntryView;
    const [card] = scorecardCards([{ view, shares: [] }], trends, 'en', translator('en'), today);
    expect(card!.horizonLine).toBe('2026-12-12 · 3 days to horizon');
  });
});
