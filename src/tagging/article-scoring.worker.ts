/**
 * Worker-thread entry of ArticleScoringService (piscina calls the default export once per task).
 * The compiled matcher is kept between tasks, per rules key: compiling costs milliseconds, a task
 * (1,000 articles) tens of them.
 */
import type { ArticleToScore, ScoredArticle, ScoringSetup } from './article-scoring';
import { scoreArticle } from './article-scoring';
import { CompiledMatcher, compileRules } from './matcher';

export interface ScoringTask {
  setup: ScoringSetup;
  articles: ArticleToScore[];
}

let compiled: { key: string; matcher: CompiledMatcher } | null = null;

export default function scoreInWorker({ setup, articles }: ScoringTask): ScoredArticle[] {
  if (compiled?.key !== setup.rulesKey) compiled = { key: setup.rulesKey, matcher: compileRules(setup.ruleSets) };
  const known = new Set(setup.trendSlugs);
  return articles.map((article) => scoreArticle(compiled!.matcher, setup, known, article));
}
