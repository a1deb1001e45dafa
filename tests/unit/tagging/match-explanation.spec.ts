import { explainMatch } from '../../../src/tagging/match-explanation';

const trend = { slug: 'compute-clusters', version: 3, threshold: 2 };

describe('explainMatch', () => {
  it.each([
    [
      ['H100'],
      1,
      [],
      2.5,
      'the title mentions "H100", scoring 2.5 against a threshold of 2; no contradicting cue occurs, so it supports it.',
    ],
    [
      ['GPU', '算力'],
      0,
      ['delay'],
      2,
      'the summary mentions "GPU", "算力", scoring 2 against a threshold of 2; it contradicts the prediction because of "delay".',
    ],
    [
      ['H100', '万卡集群', 'GPU'],
      2,
      ['delay', '推迟'],
      7.333333333333,
      'the title mentions "H100", "万卡集群" and the summary mentions "GPU", scoring 7.333 against a threshold of 2; ' +
        'it contradicts the prediction because of "delay", "推迟".',
    ],
  ])('explains %j (%i in the title), cues %j, score %d', (terms, inTitle, cues, raw, reason) => {
    const stance = cues.length > 0 ? 'contradicts' : 'supports';
    expect(explainMatch(trend, stance, terms, inTitle, cues, raw)).toBe(
      `Evidence for compute-clusters (rules v3): ${reason}`,
    );
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
