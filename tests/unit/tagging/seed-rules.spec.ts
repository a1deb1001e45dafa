import { SEED_RULES } from '../../../prisma/seed/rules';
import { compileRules, matchArticle } from '../../../src/tagging/matcher';
import { validateRuleSet } from '../../../src/tagging/rule-set.types';

const SLUGS = [
  'compute-clusters', 'reasoning-as-a-service', 'creative-generation', 'emotional-companionship',
  'smart-manufacturing', 'game-agent-training', 'on-device-models', 'embodied-intelligence',
  'open-source-models', 'human-ai-alignment',
];

const matcher = compileRules(Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules })));

function slugsFor(title: string, summary: string): string[] {
  return matchArticle(matcher, { title, summary }).map((match) => match.trendSlug);
}

describe('seed rule sets', () => {
  it('cover exactly the ten predictions', () => {
    expect(Object.keys(SEED_RULES).sort()).toEqual([...SLUGS].sort());
  });

  it.each(SLUGS)('%s passes validation unchanged', (slug) => {
    expect(validateRuleSet(SEED_RULES[slug])).toEqual({ ok: true, value: SEED_RULES[slug] });
  });

  it.each(SLUGS)('%s has Chinese and English terms in comparable numbers', (slug) => {
    const texts = SEED_RULES[slug].terms.map((term) => term.text);
    const chinese = texts.filter((text) => /[\u4e00-\u9fff]/.test(text)).length;
    const latin = texts.length - chinese;
    expect(chinese).toBeGreaterThanOrEqual(8);
    expect(latin).toBeGreaterThanOrEqual(8);
  });

  it('does not tag a Kubernetes cluster story as compute evidence', () => {
    expect(slugsFor('Google expands GKE to 65,000-node Kubernetes clusters', 'Clusters can now run more AI training jobs on GPUs.')).not.toContain('compute-clusters');
  });

  it('does not tag robot vacuums as embodied intelligence', () => {
    expect(slugsFor('Dreame robot vacuum climbs stairs with legs', 'The robot uses AI to avoid obstacles.')).toEqual([]);
  });

  it('does not tag an open-source office suite as open model evidence', () => {
    expect(slugsFor('OnlyOffice 8.2 released', 'The open-source office suite adds AI plugins.')).toEqual([]);
  });

  it('tags a Chinese humanoid story written in traditional characters', () => {
    expect(slugsFor('宇樹發佈新款人形機器人', '售價9.9萬元')).toEqual(['embodied-intelligence']);
  });
});
