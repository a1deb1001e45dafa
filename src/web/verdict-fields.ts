/**
 * Fields the verdicts work adds to the scorecard and trend views (horizon as a date, status,
 * assessment, momentum test). They are not in every version of the API, so the pages read them
 * as optional and show what is there: nothing here is computed, only picked up when present.
 */
export type AssessmentStatus = 'too-early' | 'on-track' | 'mixed' | 'off-track' | 'resolved';

export interface AssessmentFields {
  supportShare?: number | null;
  interval?: [number, number] | { low: number; high: number } | null;
  counts?: { supporting?: number; contradicting?: number; total?: number } | null;
  distinctSources?: number | null;
  daysToHorizon?: number | null;
  resolution?: { outcome?: string; resolvedAt?: string; note?: string | null } | null;
  history?: { status?: string; at?: string; note?: string | null }[] | null;
}

export interface MomentumTestFields {
  rateRatio?: number | null;
  interval?: [number, number] | { low: number; high: number } | null;
  pValue?: number | null;
  windowWeeks?: number | null;
  window?: number | string | null;
  count?: number | null;
}

export interface VerdictFields {
  horizon?: string | null;
  status?: AssessmentStatus | null;
  assessment?: AssessmentFields | null;
  momentumTest?: MomentumTestFields | null;
}

/** Reads the optional fields from any view object; wrong types count as absent. */
export function readVerdictFields(view: object, momentum?: object): VerdictFields {
  const v = view as Record<string, unknown>;
  const m = (momentum ?? {}) as Record<string, unknown>;
  const test = (v.momentumTest ?? m.test ?? m.momentumTest) as MomentumTestFields | undefined;
  return {
    horizon: typeof v.horizon === 'string' ? v.horizon : null,
    status: typeof v.status === 'string' ? (v.status as AssessmentStatus) : null,
    assessment: isObject(v.assessment) ? (v.assessment as AssessmentFields) : null,
    momentumTest: isObject(test) ? test : null,
  };
}

/** [low, high] from either a pair or { low, high }. */
export function intervalOf(value: AssessmentFields['interval']): [number, number] | null {
  if (Array.isArray(value) && value.length === 2) return [Number(value[0]), Number(value[1])];
  if (isObject(value)) return [Number((value as { low: number }).low), Number((value as { high: number }).high)];
  return null;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
