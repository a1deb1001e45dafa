/**
 * What tagging computes for one article, as a pure function of its text and of the rules and model
 * in force: the rules' matches and the model's assessment. This is the CPU of tagging (~60 us an
 * article); ArticleScoringService runs it on a worker thread, and TaggingService turns the result
 * into evidence rows.
 */
import { ArticleAssessment, assessArticle, EvidenceModel } from './evidence-model';
import { CompiledMatcher, matchArticle, TrendMatch } from './matcher';
import type { TrendRules } from './compiled-rules';

/** The rules and model articles are scored with: plain data, so it crosses to a worker thread. */
export interface ScoringSetup {
  /** "slug:version,..." of the rule sets (MatcherService): a thread compiles each key once. */
  rulesKey: string;
  ruleSets: TrendRules[];
  /** Predictions the store knows: a rule set's matches for any other are dropped. */
  trendSlugs: string[];
  model: EvidenceModel | null;
  /** MODEL_PROPOSAL_THRESHOLD. */
  threshold: number;
}

export interface ArticleToScore {
  title: string;
  summary?: string | null;
}

export interface ScoredArticle {
  byRules: TrendMatch[];
  assessed: ArticleAssessment;
}

const NOT_ASSESSED: ArticleAssessment = { proposals: [], contradicts: null };

export function scoreArticle(
  matcher: CompiledMatcher,
  setup: ScoringSetup,
  known: ReadonlySet<string>,
  article: ArticleToScore,
): ScoredArticle {
  const byRules = matchArticle(matcher, article).filter((m) => known.has(m.trendSlug));
  const assessed = setup.model
    ? assessArticle(setup.model, article, new Set(byRules.map((m) => m.trendSlug)), setup.threshold)
    : NOT_ASSESSED;
  return { byRules, assessed };
}
