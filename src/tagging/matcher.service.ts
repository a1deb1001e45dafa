import { Injectable } from '@nestjs/common';
import { TrendRepository } from '../trends/trend.repository';
import { compileRules, CompiledMatcher } from './matcher';
import { RuleSet } from './rule-set.types';

export interface LoadedMatcher {
  matcher: CompiledMatcher;
  trendIdBySlug: Map<string, number>;
  /** "slug:version,..." of the rule sets compiled in. */
  key: string;
}

/**
 * The compiled matcher for the current rule sets. Compiling is the expensive part, so it is
 * kept until a trend's current rule version changes (checked with one small query per call,
 * which also makes a rule change on another instance take effect here).
 */
@Injectable()
export class MatcherService {
  private loaded: LoadedMatcher | null = null;

  constructor(private readonly trends: TrendRepository) {}

  async current(): Promise<LoadedMatcher> {
    const trends = await this.trends.findAll();
    const key = trends.map((t) => `${t.slug}:${t.currentRuleVersion}`).join(',');
    if (this.loaded?.key === key) return this.loaded;
    const sets = await this.trends.currentRuleSets();
    const matcher = compileRules(
      sets.map((s) => ({ trendSlug: s.trend.slug, version: s.version, rules: s.rules as unknown as RuleSet })),
    );
    this.loaded = { matcher, trendIdBySlug: new Map(trends.map((t) => [t.slug, t.id])), key };
    return this.loaded;
  }
}
