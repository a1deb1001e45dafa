import { compileRules, matchArticle, TrendMatch } from '../../../src/tagging/matcher';
import { RuleSet } from '../../../src/tagging/rule-set.types';

const computeRules: RuleSet = {
  format: 1,
  threshold: 2,
  terms: [
    { text: 'AI', weight: 0.5 },
    { text: 'GPU', weight: 1 },
    { text: 'H100', weight: 1 },
    { text: '算力', weight: 1 },
    { text: '万卡集群', weight: 2 },
    { text: 'cluster', weight: 1, requires: ['GPU', 'accelerator*', 'training', '算力'] },
  ],
  exclusions: ['Kubernetes', '产业集群'],
  stanceCues: ['delay*', '推迟', 'doubt*'],
};

const robotRules: RuleSet = {
  format: 1,
  threshold: 2,
  terms: [
    { text: 'humanoid robot', weight: 2 },
    { text: 'robot', weight: 1 },
    { text: '人形机器人', weight: 2 },
    { text: '机器人', weight: 1 },
  ],
  exclusions: ['robot vacuum*', '扫地机器人'],
  stanceCues: ['teleoperat*'],
};

const matcher = compileRules([
  { trendSlug: 'compute-clusters', version: 3, rules: computeRules },
  { trendSlug: 'embodied-intelligence', version: 1, rules: robotRules },
]);

function match(title: string, summary = ''): TrendMatch[] {
  return matchArticle(matcher, { title, summary });
}

function slugs(title: string, summary = ''): string[] {
  return match(title, summary).map((result) => result.trendSlug);
}

describe('matchArticle', () => {
  it('matches Latin terms as whole words only ("AI" not inside "said", "GPU" not inside "eGPU")', () => {
    expect(match('万卡集群 for eGPU fans, he said', 'Maintainers said so')[0].matchedTerms).toEqual(['万卡集群']);
  });

  it('accepts simple plurals of Latin terms', () => {
    expect(match('Startup buys 10,000 GPUs and H100s')[0].matchedTerms).toEqual(['GPU', 'H100']);
  });

  it('accepts any ending for a pattern that ends with "*"', () => {
    expect(match('GPU cluster for training delayed by a quarter')[0].stanceCues).toEqual(['delay']);
  });

  it('matches Chinese terms as substrings without spaces around them', () => {
    expect(match('国内首个万卡集群投产')[0]).toMatchObject({
      trendSlug: 'compute-clusters',
      matchedTerms: ['万卡集群'],
    });
  });

  it('matches traditional-character and full-width text against simplified, half-width rules', () => {
    expect(slugs('國內首個萬卡集群投產')).toEqual(['compute-clusters']);
    expect(slugs('ＧＰＵ ｃｌｕｓｔｅｒ ｆｏｒ ｔｒａｉｎｉｎｇ')).toEqual(['compute-clusters']);
  });

  it('counts a co-occurrence term only when its partner appears', () => {
    expect(slugs('Our biggest cluster yet, built for AI')).toEqual([]);
    expect(match('Our biggest cluster yet, built for 算力')[0].matchedTerms).toEqual(['cluster', '算力']);
  });

  it('does not match Kubernetes clusters, even with GPUs mentioned', () => {
    expect(slugs('Kubernetes cluster now schedules GPU workloads', 'Training jobs get GPU quotas.')).toEqual([]);
  });

  it('does not match robot vacuums, in English or Chinese', () => {
    expect(slugs('New robot vacuum has a robot arm', 'The robot picks up socks.')).toEqual([]);
    expect(slugs('科沃斯发布扫地机器人新品', '机器人可自动集尘。')).toEqual([]);
  });

  it('does not let a shorter term inside a longer one score twice', () => {
    const [result] = match('Startup unveils humanoid robot');
    expect(result.matchedTerms).toEqual(['humanoid robot']);
    expect(slugs('工厂新增机器人')).toEqual([]);
  });

  it('turns a match into contradicting evidence when a stance cue occurs', () => {
    const [result] = match('Nvidia H100 GPU shipments delayed', 'Analysts doubt the cluster schedule.');
    expect(result).toMatchObject({ stance: 'contradicts', stanceCues: ['delay', 'doubt'] });
    expect(match('英伟达GPU集群部署推迟', '算力')[0]).toMatchObject({ stance: 'contradicts', stanceCues: ['推迟'] });
  });

  it('reports supporting evidence when no cue occurs', () => {
    expect(match('万卡集群投产')[0].stance).toBe('supports');
  });

  it('can match several predictions, ordered by score', () => {
    const results = match('人形机器人用万卡集群训练', '机器人公司使用GPU算力。');
    expect(results.map((result) => result.trendSlug)).toEqual(['compute-clusters', 'embodied-intelligence']);
    expect(results[0].score).toBeGreaterThan(results[1].score);
  });

  it('scores a term in the title higher than the same term in the summary', () => {
    const inTitle = match('GPU and 算力 news', 'Nothing else.')[0];
    const inSummary = match('Weekly news', 'GPU and 算力 news.')[0];
    expect(inTitle.score).toBeGreaterThan(inSummary.score);
  });

  it('keeps the score between 0 and 1, at 0.5 exactly on the threshold', () => {
    expect(match('Weekly news', 'GPU and 算力 news.')[0].score).toBe(0.5);
    expect(match('万卡集群 H100 GPU 算力 AI', '万卡集群 H100 GPU 算力 AI')[0].score).toBeLessThan(1);
  });

  it('stays below the threshold on a single weak term', () => {
    expect(slugs('AI news of the week')).toEqual([]);
  });

  it('explains itself: rule version, terms by place, and the stance cue', () => {
    const [result] = match('Nvidia H100 supply delayed', 'Buyers wanted GPU capacity.');
    expect(result.ruleVersion).toBe(3);
    expect(result.reason).toBe(
      'Evidence for compute-clusters (rules v3): the title mentions "H100" and the summary mentions "GPU", ' +
        'scoring 2.5 against a threshold of 2; it contradicts the prediction because of "delay".',
    );
  });

  it('handles a missing summary', () => {
    expect(matchArticle(matcher, { title: '万卡集群', summary: null })).toHaveLength(1);
  });

  it('gives the same answer for the same article every time (scratch state is reset)', () => {
    const first = match('H100 GPU cluster', 'training');
    match('Kubernetes', 'robot vacuum');
    expect(match('H100 GPU cluster', 'training')).toEqual(first);
  });

  it('refuses to compile a rule set with an invalid pattern, naming the trend', () => {
    const broken = { ...robotRules, terms: [{ text: '人', weight: 1 }] };
    expect(() => compileRules([{ trendSlug: 'broken', version: 2, rules: broken }])).toThrow(/broken v2/);
  });

  it('handles articles with many hits and long text (scratch buffers grow) and stays correct after', () => {
    const first = match('H100 GPU cluster', 'training');
    const long = `${'GPU H100 算力 万卡集群 robot 机器人 '.repeat(400)} Kubernetes`;
    expect(match(long, long)).toEqual([
      expect.objectContaining({ trendSlug: 'embodied-intelligence', matchedTerms: ['robot', '机器人'] }),
    ]);
    const withoutExclusion = 'GPU H100 算力 万卡集群 delayed '.repeat(500);
    expect(match(withoutExclusion)[0]).toMatchObject({
      trendSlug: 'compute-clusters',
      matchedTerms: ['GPU', 'H100', '算力', '万卡集群'],
      stanceCues: ['delay'],
    });
    expect(match('H100 GPU cluster', 'training')).toEqual(first);
  });

  it('matches text that needs whole-string normalisation (combining marks) like its composed form', () => {
    const composed = match('Café GPU cluster for training');
    const decomposed = match('Cafe\u0301 GPU cluster for training');
    expect(decomposed).toEqual(composed);
    expect(composed[0].matchedTerms).toEqual(['GPU', 'cluster']);
  });

  it('orders terms found in the title before those found only in the summary, each in text order', () => {
    expect(match('算力 and H100', 'GPU news, and 万卡集群')[0].matchedTerms).toEqual([
      '算力',
      'H100',
      'GPU',
      '万卡集群',
    ]);
  });

  it('lists cues in rule order whatever order they occur in', () => {
    expect(match('万卡集群 doubts', 'GPU delayed 推迟')[0].stanceCues).toEqual(['delay', '推迟', 'doubt']);
  });
});
