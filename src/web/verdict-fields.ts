/**
 * Fields the verdicts work adds to the scorecard and trend views (horizon as a date, status,
 * assessment, momentum test). They are not in every version of the API, so the pages read them
 * as optional and show what is there: nothing here is computed, only picked up when present.
 */
export type AssessmentStatus = 'too-early' | 'on-track' | 'mixed' | 'off-track' | 'resolved';

/** An interval as the API serves it (src/verdicts/verdict.dto.ts IntervalDto). */
export interface IntervalFields {
  lower: number;
  upper: number;
}

/** `assessment` of GET /api/scorecard entries and GET /api/trends/{key} (AssessmentDto). */
export interface AssessmentFields {
  supportShare?: number | null;
  supportInterval?: IntervalFields | null;
  accepted?: number | null;
  distinctSources?: number | null;
  daysToHorizon?: number | null;
  resolution?: {
    outcome?: string;
    createdAt?: string;
    rationaleEn?: string | null;
    rationaleZh?: string | null;
  } | null;
  history?: { status?: string; at?: string; note?: string | null }[] | null;
}

/** `momentum.test` of the momentum and scorecard answers (DirectionTestDto). */
export interface MomentumTestFields {
  rateRatio?: number | null;
  rateRatioInterval?: IntervalFields | null;
  rateRatioPeriods?: number | null;
  confidence?: number | null;
  pValue?: number | null;
  window?: { periods?: number } | null;
  evidenceCount?: number | null;
  firedBy?: string | null;
  /** The level test (LevelTestDto), when the API has it. */
  level?: {
    rateRatio?: number | null;
    rateRatioInterval?: IntervalFields | null;
    confidence?: number | null;
    pValue?: number | null;
    recent?: { periods?: number } | null;
    baseline?: { periods?: number } | null;
    recentCount?: number | null;
  } | null;
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

/** [lower, upper] of an interval, or null when the API gave none. */
export function intervalOf(value: IntervalFields | null | undefined): [number, number] | null {
  if (isObject(value) && typeof value.lower === 'number' && typeof value.upper === 'number')
    return [value.lower, value.upper];
  return null;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
