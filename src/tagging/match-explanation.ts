/** The one-sentence reason a reviewer reads next to each piece of evidence. */

export interface ExplainedTrend {
  slug: string;
  version: number;
  threshold: number;
}

export function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** `"a", "b", "c"` for texts[from..to). */
function quote(texts: readonly string[], from = 0, to = texts.length): string {
  let result = '';
  for (let i = from; i < to; i++) result += i === from ? `"${texts[i]}"` : `, "${texts[i]}"`;
  return result;
}

/** The fixed parts of one trend's reasons, built once per trend instead of once per match. */
interface Phrases {
  slug: string;
  version: number;
  threshold: number;
  opening: string;
  thresholdText: string;
}

const phrasesByTrend = new WeakMap<ExplainedTrend, Phrases>();

function phrasesOf(trend: ExplainedTrend): Phrases {
  const cached = phrasesByTrend.get(trend);
  if (
    cached &&
    cached.slug === trend.slug &&
    cached.version === trend.version &&
    cached.threshold === trend.threshold
  ) {
    return cached;
  }
  const phrases: Phrases = {
    slug: trend.slug,
    version: trend.version,
    threshold: trend.threshold,
    opening: `Evidence for ${trend.slug} (rules v${trend.version}): `,
    thresholdText: ` against a threshold of ${trend.threshold}; `,
  };
  phrasesByTrend.set(trend, phrases);
  return phrases;
}

/** Raw scores are sums of a few weights, so the same few values recur: format each once. */
const scoreTexts = new Map<number, string>();
const MAX_SCORE_TEXTS = 4096;

function scoreText(raw: number): string {
  let text = scoreTexts.get(raw);
  if (text === undefined) {
    if (scoreTexts.size >= MAX_SCORE_TEXTS) scoreTexts.clear();
    text = String(roundScore(raw));
    scoreTexts.set(raw, text);
  }
  return text;
}

const SUPPORTS_TEXT = 'no contradicting cue occurs, so it supports it.';

/**
 * e.g. `Evidence for compute-clusters (rules v1): the title mentions "H100" and ...; it contradicts ... "delay".`
 * `matchedTerms` lists the terms found in the title first (the first `inTitleCount` of them),
 * then those found only in the summary.
 */
export function explainMatch(
  trend: ExplainedTrend,
  stance: 'supports' | 'contradicts',
  matchedTerms: readonly string[],
  inTitleCount: number,
  stanceCues: readonly string[],
  raw: number,
): string {
  const phrases = phrasesOf(trend);
  let text = phrases.opening;
  if (inTitleCount > 0) text += `the title mentions ${quote(matchedTerms, 0, inTitleCount)}`;
  if (inTitleCount < matchedTerms.length) {
    text += `${inTitleCount > 0 ? ' and ' : ''}the summary mentions ${quote(matchedTerms, inTitleCount)}`;
  }
  text += ', scoring ' + scoreText(raw) + phrases.thresholdText;
  return stance === 'contradicts'
    ? `${text}it contradicts the prediction because of ${quote(stanceCues)}.`
    : text + SUPPORTS_TEXT;
}
