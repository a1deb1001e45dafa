import { SEED_RULES } from '../../../prisma/seed/rules';
import { compileRules, matchArticle } from '../../../src/tagging/matcher';
import { validateRuleSet } from '../../../src/tagging/rule-set.types';

const SLUGS = [
  'compute-clusters',
  'reasoning-as-a-service',
  'creative-generation',
  'emotional-companionship',
  'smart-manufacturing',
  'game-agent-training',
  'on-device-models',
  'embodied-intelligence',
  'open-source-models',
  'human-ai-alignment',
];

const matcher = compileRules(
  Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules })),
);

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
    expect(
      slugsFor(
        'Google expands GKE to 65,000-node Kubernetes clusters',
        'Clusters can now run more AI training jobs on GPUs.',
      ),
    ).not.toContain('compute-clusters');
  });

  it('does not tag robot vacuums as embodied intelligence', () => {
    expect(slugsFor('Dreame robot vacuum climbs stairs with legs', 'The robot uses AI to avoid obstacles.')).toEqual(
      [],
    );
  });

  it('does not tag an open-source office suite as open model evidence', () => {
    expect(slugsFor('OnlyOffice 8.2 released', 'The open-source office suite adds AI plugins.')).toEqual([]);
  });

  it('tags a Chinese humanoid story written in traditional characters', () => {
    expect(slugsFor('宇樹發佈新款人形機器人', '售價9.9萬元')).toEqual(['embodied-intelligence']);
  });

  describe('everyday vocabulary and contradicting cues', () => {
    function stanceFor(title: string, summary: string, slug: string): string | undefined {
      return matchArticle(matcher, { title, summary }).find((match) => match.trendSlug === slug)?.stance;
    }

    it('reads a bankruptcy, a probe or idle capacity as contradicting evidence', () => {
      expect(
        stanceFor(
          'Humanoid robot startup files for bankruptcy',
          'Its robots never left the pilot stage.',
          'embodied-intelligence',
        ),
      ).toBe('contradicts');
      expect(
        stanceFor(
          'Regulator opens probe into AI companion apps',
          'Officials worry teenagers form emotional dependence on chatbots.',
          'emotional-companionship',
        ),
      ).toBe('contradicts');
      expect(stanceFor('多地智算中心算力闲置', 'GPU利用率低，租赁价格下滑。', 'compute-clusters')).toBe('contradicts');
    });

    it('applies simplified cues to traditional-script articles', () => {
      expect(stanceFor('人形機器人新創公司宣告破產', '公司表示機器人商業化不如預期。', 'embodied-intelligence')).toBe(
        'contradicts',
      );
      expect(stanceFor('聊天機器人過分諂媚用戶 OpenAI緊急撤回更新', '模型變得一味附和。', 'human-ai-alignment')).toBe(
        'contradicts',
      );
    });

    it('tags Taiwanese compute news written with 超級電腦, 輝達 and 資料中心', () => {
      expect(
        stanceFor('廣達攜手輝達打造超級電腦', '將建置人工智慧資料中心，採用Blackwell晶片。', 'compute-clusters'),
      ).toBe('supports');
    });

    it('does not call defect detection (缺陷检测) a defect', () => {
      expect(stanceFor('汽车工厂上线AI缺陷检测系统', '视觉大模型质检准确率达99%。', 'smart-manufacturing')).toBe(
        'supports',
      );
    });

    it('keeps AI replacing support staff as evidence for digital employees, layoffs and all', () => {
      expect(
        stanceFor(
          'Retailer lays off call-centre staff as AI agents take over customer service',
          'The agents resolve most tickets.',
          'reasoning-as-a-service',
        ),
      ).toBe('supports');
    });

    it('does not count everyday words without their AI context', () => {
      expect(
        slugsFor(
          'Landlord signs lease for new office tower downtown',
          'The building has capacity for 3,000 workers and AI-ready lifts.',
        ),
      ).toEqual([]);
      expect(slugsFor('Racist chants at football match lead to fines', 'The club was fined by the league.')).toEqual(
        [],
      );
      expect(
        slugsFor('Game studio announces sequel to hit RPG', 'The developer said it will launch next year on consoles.'),
      ).toEqual([]);
      expect(slugsFor('新款笔电评测：续航提升明显', '屏幕素质优秀，适合办公。')).toEqual([]);
    });

    it('does not tag a world-model story as robot evidence for a passing mention of embodied agents', () => {
      expect(
        slugsFor('New world model generates playable 3D games', 'The lab says it could train embodied agents.'),
      ).not.toContain('embodied-intelligence');
    });
  });
});
