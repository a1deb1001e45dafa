import { trendPage, MomentumView } from '../../../src/web/trend-page.model';
import { translator } from '../../../src/web/web-messages';
import type { TrendDto } from '../../../src/trends/trend.dto';

const trend = { number: 9, slug: 'open-source-models', titleEn: 'Open', titleZh: '开源', summaryEn: '', summaryZh: '' };
const slopeNumbers = {
  rateRatio: 1.21,
  rateRatioInterval: { lower: 0.93, upper: 1.58 },
  confidence: 0.975,
  pValue: 0.083,
  window: { periods: 12 },
  evidenceCount: 115,
};
const level = {
  rateRatio: 2.22,
  rateRatioInterval: { lower: 1.47, upper: 3.35 },
  confidence: 0.975,
  pValue: 0.0002,
  recent: { periods: 4 },
  baseline: { periods: 16 },
  recentCount: 46,
};
const page = (test: object) =>
  trendPage(
    {
      trend: trend as unknown as TrendDto,
      momentum: {
        series: [],
        momentum: { direction: 'rising', score: 0.2, change: 0, share: 0, balance: 0, test },
      } as never as MomentumView,
      evidence: [],
      strongest: [],
    },
    'en',
    translator('en'),
  );

describe('trend page: the numbers behind the direction', () => {
  it("quotes the level test's numbers when it alone made the call", () => {
    const words = page({ ...slopeNumbers, firedBy: 'level', level }).testWords!;
    expect(words).toContain('last 4 weeks 2.22x that of the 16 weeks before');
    expect(words).toContain('97.5% interval 1.47-3.35x');
    expect(words).toContain('from 46 items');
  });

  it("quotes the slope's numbers, at the test's confidence, when the slope made it", () => {
    const words = page({ ...slopeNumbers, firedBy: 'both', level }).testWords!;
    expect(words).toContain('1.21x per 4 weeks over 12 weeks, 97.5% interval 0.93-1.58x');
  });
});
