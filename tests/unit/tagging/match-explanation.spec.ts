import { describeMatch, explainMatch, ScoredTerm } from '../../../src/tagging/match-explanation';

const trend = { slug: 'compute-clusters', version: 3, threshold: 2 };

describe('explainMatch', () => {
  const cases: { scored: ScoredTerm[]; cues: string[]; raw: number }[] = [
    { scored: [{ display: 'H100', inTitle: true }], cues: [], raw: 2.5 },
    {
      scored: [
        { display: 'GPU', inTitle: false },
        { display: '算力', inTitle: false },
      ],
      cues: ['delay'],
      raw: 2,
    },
    {
      scored: [
        { display: 'GPU', inTitle: false },
        { display: 'H100', inTitle: true },
        { display: '万卡集群', inTitle: true },
      ],
      cues: ['delay', '推迟'],
      raw: 7.333333333333,
    },
  ];

  it('reads exactly as describeMatch did, terms grouped by place', () => {
    for (const { scored, cues, raw } of cases) {
      const inTitle = scored.filter((term) => term.inTitle).map((term) => term.display);
      const inSummary = scored.filter((term) => !term.inTitle).map((term) => term.display);
      const stance = cues.length > 0 ? 'contradicts' : 'supports';
      expect(explainMatch(trend, stance, [...inTitle, ...inSummary], inTitle.length, cues, raw)).toBe(
        describeMatch(trend, stance, scored, cues, raw),
      );
    }
  });

  it('spells out a full reason', () => {
    expect(explainMatch(trend, 'contradicts', ['H100', 'GPU'], 1, ['delay'], 2.5)).toBe(
      'Evidence for compute-clusters (rules v3): the title mentions "H100" and the summary mentions "GPU", ' +
        'scoring 2.5 against a threshold of 2; it contradicts the prediction because of "delay".',
    );
    expect(explainMatch(trend, 'supports', ['GPU', '算力'], 0, [], 2.0004)).toBe(
      'Evidence for compute-clusters (rules v3): the summary mentions "GPU", "算力", ' +
        'scoring 2 against a threshold of 2; no contradicting cue occurs, so it supports it.',
    );
  });

  it('does not reuse the fixed phrases of a trend whose version or threshold changed', () => {
    const mutable = { slug: 'x', version: 1, threshold: 2 };
    expect(explainMatch(mutable, 'supports', ['a'], 1, [], 3)).toContain('(rules v1)');
    mutable.version = 2;
    mutable.threshold = 4;
    expect(explainMatch(mutable, 'supports', ['a'], 1, [], 3)).toContain('(rules v2)');
    expect(explainMatch(mutable, 'supports', ['a'], 1, [], 3)).toContain('threshold of 4;');
  });
});
