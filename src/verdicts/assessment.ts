/**
 * The interim assessment of a prediction from its accepted evidence (issue 13). Pure.
 *
 * Each accepted item weighs its score. So that one prolific site cannot decide a verdict, each
 * source's total weight is capped at `sourceCap` (its support and contradiction scaled down
 * together, keeping its own balance), and a status other than too-early needs at least
 * `minSources` distinct sources and `minAccepted` accepted items. The support share is
 * S / (S + C) over the capped weights, with a Wilson score interval at 95%:
 *   on-track  when the interval's lower bound is above 0.5 (support credibly outweighs),
 *   off-track when its upper bound is below 0.5,
 *   mixed     otherwise.
 * A resolution, when there is one, overrides the status ('resolved') but the numbers stay.
 */
export type AssessmentStatus = 'too-early' | 'on-track' | 'mixed' | 'off-track' | 'resolved';
export const RESOLUTION_OUTCOMES = ['borne-out', 'partly', 'not-borne-out', 'ambiguous'] as const;

export const ASSESSMENT_PARAMETERS = Object.freeze({
  minAccepted: 5,
  minSources: 3,
  /** Most weight one source contributes (a score is at most ~1, so about three strong items). */
  sourceCap: 3,
  z: 1.959964,
});

export interface AssessedItem {
  source: string;
  stance: string;
  score: number;
}

export interface Assessment {
  status: Exclude<AssessmentStatus, 'resolved'>;
  /** Capped supporting weight / (supporting + contradicting); null without evidence. */
  supportShare: number | null;
  interval: [number, number] | null;
  supportWeight: number;
  contradictWeight: number;
  accepted: number;
  distinctSources: number;
  /** The largest share of the (capped) weight that a single source holds. */
  largestSourceShare: number | null;
}

export function assess(items: readonly AssessedItem[], parameters = ASSESSMENT_PARAMETERS): Assessment {
  const bySource = new Map<string, { s: number; c: number }>();
  for (const item of items) {
    const sums = bySource.get(item.source) ?? { s: 0, c: 0 };
    if (item.stance === 'supports') sums.s += item.score;
    else if (item.stance === 'contradicts') sums.c += item.score;
    bySource.set(item.source, sums);
  }
  let support = 0;
  let contradict = 0;
  let largest = 0;
  for (const { s, c } of bySource.values()) {
    const scale = s + c > parameters.sourceCap ? parameters.sourceCap / (s + c) : 1;
    support += s * scale;
    contradict += c * scale;
    largest = Math.max(largest, (s + c) * scale);
  }
  const total = support + contradict;
  const interval = total > 0 ? wilsonInterval(support, total, parameters.z) : null;
  const enough = items.length >= parameters.minAccepted && bySource.size >= parameters.minSources;
  return {
    status:
      !enough || !interval ? 'too-early' : interval[0] > 0.5 ? 'on-track' : interval[1] < 0.5 ? 'off-track' : 'mixed',
    supportShare: total > 0 ? support / total : null,
    interval,
    supportWeight: support,
    contradictWeight: contradict,
    accepted: items.length,
    distinctSources: bySource.size,
    largestSourceShare: total > 0 ? largest / total : null,
  };
}

/** Wilson score interval for `successes` out of `n` (both may be weighted, i.e. fractional). */
export function wilsonInterval(successes: number, n: number, z: number): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The host an article came from: one site, one source, however many feeds carry it. */
export function sourceOf(url: string | null, fallback: string): string {
  if (!url) return fallback;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return fallback;
  }
}
