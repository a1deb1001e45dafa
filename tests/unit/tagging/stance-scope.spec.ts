import { SEED_RULES } from '../../../prisma/seed/rules';
import { compileRules, matchArticle, TrendMatch } from '../../../src/tagging/matcher';
import { RuleSet } from '../../../src/tagging/rule-set.types';
import { SETBACK_CUES } from '../../../src/tagging/setback-language';
import { isNegatedCue, sentenceEnd, sentenceStart } from '../../../src/tagging/stance-scope';
import { normaliseText } from '../../../src/tagging/text-normaliser';

const clusterRules: RuleSet = {
  format: 1,
  threshold: 2,
  terms: [
    { text: 'GPU cluster', weight: 2 },
    { text: '万卡集群', weight: 2 },
  ],
  exclusions: [],
  stanceCues: [...SETBACK_CUES],
};
const matcher = compileRules([{ trendSlug: 'compute-clusters', version: 1, rules: clusterRules }]);

function only(title: string, summary = ''): TrendMatch {
  const [found] = matchArticle(matcher, { title, summary });
  if (!found) throw new Error('expected a match');
  return found;
}

function codesOf(text: string): Uint16Array {
  const normalised = normaliseText(text);
  return Uint16Array.from(normalised, (char) => char.charCodeAt(0));
}

describe('stance where the claim is', () => {
  it('counts a setback in the headline whatever the summary says', () => {
    expect(only('GPU cluster project delayed', 'The site opens next year.').stance).toBe('contradicts');
  });

  it('counts a setback in the summary sentence that holds the topic term', () => {
    const found = only('New AI plans announced', 'Its GPU cluster was shelved. Rivals grow.');
    expect(found).toMatchObject({ stance: 'contradicts', stanceCues: ['shelved'] });
  });

  it('ignores a setback in another sentence of the summary', () => {
    const found = only(
      'Meta switches on a GPU cluster',
      'The GPU cluster is live. A rival chip startup cancelled its IPO.',
    );
    expect(found).toMatchObject({ stance: 'supports', stanceCues: [] });
  });

  it('splits Chinese sentences at 。 and ！', () => {
    expect(only('某公司新闻', '万卡集群正式投产。另一家公司的项目被叫停！').stance).toBe('supports');
    expect(only('某公司新闻', '万卡集群项目被叫停。').stance).toBe('contradicts');
  });

  it('keeps "3.5" and "u.s" inside one sentence', () => {
    const codes = codesOf('GPT 3.5 runs on a GPU cluster that was delayed');
    expect(sentenceStart(codes, codes.length - 1, codes.length)).toBe(0);
    expect(sentenceEnd(codes, 0, codes.length)).toBe(codes.length);
  });
});

describe('negation and reversal', () => {
  it('does not count a negated setback', () => {
    expect(only('GPU cluster will not be delayed, CEO says').stance).toBe('supports');
    expect(only("GPU cluster won't be cancelled").stance).toBe('supports');
    expect(only('GPU cluster rules out delays').stance).toBe('supports');
    expect(only('万卡集群没有推迟').stance).toBe('supports');
    expect(only('万卡集群并未被叫停').stance).toBe('supports');
  });

  it('still counts a setback after words that only look like negation', () => {
    expect(only('万卡集群不得不推迟').stance).toBe('contradicts');
    expect(only('万卡集群订单不断下滑').stance).toBe('contradicts');
  });

  it('reads reversal as a setback', () => {
    expect(only('Lab no longer plans a GPU cluster').stance).toBe('contradicts');
    expect(only('Startup walks back its GPU cluster plan').stance).toBe('contradicts');
    expect(only('Company scrapped plans to build a GPU cluster').stance).toBe('contradicts');
    expect(only('万卡集群不再扩建').stance).toBe('contradicts');
    expect(only('万卡集群未能按期交付').stance).toBe('contradicts');
    expect(only('万卡集群建设被叫停').stance).toBe('contradicts');
  });

  it('finds the negator only right before the cue', () => {
    const codes = codesOf('no news: the GPU cluster was delayed');
    const cueStart = normaliseText('no news: the GPU cluster was delayed').indexOf('delayed');
    expect(isNegatedCue(codes, cueStart, 0)).toBe(false);
    const negated = codesOf('the GPU cluster was not delayed');
    expect(isNegatedCue(negated, normaliseText('the GPU cluster was not delayed').indexOf('delayed'), 0)).toBe(true);
  });
});

describe('the shared setback inventory', () => {
  it('is bilingual and every seed rule set uses it', () => {
    expect(SETBACK_CUES).toEqual(expect.arrayContaining(['boycott*', 'rehire*', 'churn*', '不再', '抵制', '下滑']));
    for (const rules of Object.values(SEED_RULES)) {
      const cues = new Set(rules.stanceCues);
      expect(SETBACK_CUES.filter((cue) => !cues.has(cue)).length).toBeLessThanOrEqual(1);
    }
  });

  it('combines with any prediction: a creative term and a labour dispute make contradicting evidence', () => {
    const seeded = compileRules(
      Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules })),
    );
    const found = matchArticle(seeded, { title: 'Voice actors boycott studio over AI video generation tools' });
    expect(found.find((m) => m.trendSlug === 'creative-generation')?.stance).toBe('contradicts');
  });

  it.each([
    ['a study of no effect', 'GPU cluster study: training speed unchanged after upgrade'],
    ['buyers losing interest', 'Buyers shrug at GPU cluster rentals as prices fall'],
    ['an apology after backlash', 'Cloud firm apologises for GPU cluster outage'],
    ['a shortfall against a target', 'GPU cluster builder misses target for the year'],
    ['a claim that was not true', 'GPU cluster benchmark results were fabricated, auditors say'],
    ['halved rents and returned leases', '万卡集群租金腰斩 服务商退租'],
    ['complaints and refunds', '万卡集群用户投诉不断 要求退款'],
    ['withdrawing capital', '资本撤离万卡集群项目'],
  ])('reads %s as a setback', (_, title) => {
    expect(only(title).stance).toBe('contradicts');
  });

  it('does not read a cost far below rivals, or research on harmful requests, as a setback', () => {
    expect(only('万卡集群训练成本远低于同行').stance).toBe('supports');
    expect(only('GPU cluster research on harmful requests').stance).toBe('supports');
  });
});
