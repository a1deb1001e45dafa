import { validateRuleSet } from '../../../src/tagging/rule-set.types';

const validRules = {
  format: 1,
  threshold: 2,
  terms: [
    { text: 'GPU cluster', weight: 2 },
    { text: 'cluster', weight: 1, requires: ['GPU', '算力'] },
  ],
  exclusions: ['Kubernetes'],
  stanceCues: ['delay*', '推迟'],
};

function errorsOf(input: unknown): string[] {
  const result = validateRuleSet(input);
  return result.ok ? [] : result.errors;
}

describe('validateRuleSet', () => {
  it('accepts a well-formed rule set and returns it', () => {
    const result = validateRuleSet(validRules);
    expect(result).toEqual({ ok: true, value: validRules });
  });

  it('fills missing exclusions and stance cues with empty lists', () => {
    const result = validateRuleSet({ format: 1, threshold: 1, terms: [{ text: 'AI玩具', weight: 1 }] });
    expect(result.ok && result.value).toMatchObject({ exclusions: [], stanceCues: [] });
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf([1, 2])).toEqual(['(root): must be an object']);
    expect(errorsOf(null)).toEqual(['(root): must be an object']);
  });

  it('names the field path of a bad weight', () => {
    const input = {
      ...validRules,
      terms: [
        { text: 'GPU', weight: 0 },
        { text: 'H100', weight: 'high' },
      ],
    };
    expect(errorsOf(input)).toEqual([
      'terms[0].weight: must be a number greater than 0 and at most 10',
      'terms[1].weight: must be a number greater than 0 and at most 10',
    ]);
  });

  it('rejects single Chinese characters, which would fire on almost anything', () => {
    expect(errorsOf({ ...validRules, terms: [{ text: '人', weight: 1 }] })).toEqual([
      'terms[0].text: must be at least 2 characters (single characters are too common)',
    ]);
  });

  it('rejects a "*" anywhere but at the end of a Latin word', () => {
    expect(errorsOf({ ...validRules, stanceCues: ['refuse* to sign', '推迟*'] })).toEqual([
      'stanceCues[0]: "*" is only allowed at the end',
      'stanceCues[1]: "*" may only follow a Latin letter or digit',
    ]);
  });

  it('reports duplicate terms after normalisation', () => {
    const input = {
      ...validRules,
      terms: [
        { text: 'Open-Source', weight: 1 },
        { text: 'open source', weight: 2 },
      ],
    };
    expect(errorsOf(input)).toEqual(['terms[1].text: duplicates terms[0].text']);
  });

  it('reports unknown fields, a wrong format, a bad threshold and empty requires together', () => {
    const input = {
      ...validRules,
      format: 2,
      threshold: -1,
      colour: 'red',
      terms: [{ text: 'GPU', weight: 1, requires: [] }],
    };
    expect(errorsOf(input)).toEqual([
      'colour: unknown field',
      'format: must be 1',
      'threshold: must be a number greater than 0 and at most 100',
      'terms[0].requires: must list at least one pattern when present',
    ]);
  });

  it('rejects an empty term list and non-string exclusions', () => {
    expect(errorsOf({ ...validRules, terms: [], exclusions: [42] })).toEqual([
      'terms: must be an array of 1 to 500 terms',
      'exclusions[0]: must be a string',
    ]);
  });

  it('returns a value that survives a JSON round trip unchanged', () => {
    const result = validateRuleSet(JSON.parse(JSON.stringify(validRules)));
    expect(result.ok && JSON.parse(JSON.stringify(result.value))).toEqual(validRules);
  });
});

describe('rule-set sizes', () => {
  it('refuses pattern lists and descriptions over their caps with one error, not one per item', () => {
    const many = Array.from({ length: 501 }, (_, i) => `cue${i}`);
    expect(errorsOf({ ...validRules, stanceCues: many })).toEqual([
      'stanceCues: must be an array of at most 500 strings',
    ]);
    expect(errorsOf({ ...validRules, exclusions: many })).toHaveLength(1);
    expect(errorsOf({ ...validRules, terms: [{ text: 'cluster', weight: 1, requires: many }] })).toHaveLength(1);
    expect(errorsOf({ ...validRules, description: 'x'.repeat(2001) })).toHaveLength(1);
  });
});
