/**
 * Building blocks shared by the ten seed rule sets. The output is plain JSON (RuleSet), the same
 * shape admins PUT through the API; these helpers only keep the seed files short.
 */
import type { RuleTerm } from '../../../src/tagging/rule-set.types';
import { SETBACK_CUES } from '../../../src/tagging/setback-language';

/** One weighted term; `requires` lists words of which at least one must co-occur. */
export function term(text: string, weight: number, ...requires: string[]): RuleTerm {
  return requires.length > 0 ? { text, weight, requires } : { text, weight };
}

/** Several terms with the same weight and the same co-occurrence condition. */
export function terms(weight: number, texts: string[], requires: string[] = []): RuleTerm[] {
  return texts.map((text) => term(text, weight, ...requires));
}

/**
 * Cues that turn a matching article into contradicting evidence for any prediction: the shared,
 * bilingual setback inventory (src/tagging/setback-language.ts). Trend files add their own.
 */
export const COMMON_STANCE_CUES: readonly string[] = SETBACK_CUES;
