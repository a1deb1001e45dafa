/** The one-sentence reason a reviewer reads next to each piece of evidence. */

export interface ExplainedTrend {
  slug: string;
  version: number;
  threshold: number;
}

export interface ScoredTerm {
  display: string;
  inTitle: boolean;
}

export function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const quote = (texts: string[]) => texts.map((text) => `"${text}"`).join(', ');

/** e.g. `Evidence for compute-clusters (rules v1): the title mentions "H100" and ...; it contradicts ... "delay".` */
export function describeMatch(
  trend: ExplainedTrend,
  stance: 'supports' | 'contradicts',
  scored: ScoredTerm[],
  stanceCues: string[],
  raw: number,
): string {
  const inTitle = scored.filter((term) => term.inTitle).map((term) => term.display);
  const inSummaryOnly = scored.filter((term) => !term.inTitle).map((term) => term.display);
  const places = [
    inTitle.length ? `the title mentions ${quote(inTitle)}` : '',
    inSummaryOnly.length ? `the summary mentions ${quote(inSummaryOnly)}` : '',
  ].filter(Boolean);
  const stanceText =
    stance === 'contradicts'
      ? `it contradicts the prediction because of ${quote(stanceCues)}`
      : 'no contradicting cue occurs, so it supports it';
  return (
    `Evidence for ${trend.slug} (rules v${trend.version}): ${places.join(' and ')}, ` +
    `scoring ${roundScore(raw)} against a threshold of ${trend.threshold}; ${stanceText}.`
  );
}
