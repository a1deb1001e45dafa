/**
 * When each prediction falls due. The report (Tencent Research Institute, WAIC, July 2024) states
 * a horizon for two predictions only: "未来2-3年内" (within the next 2-3 years) for the
 * companionship market (4) and for open-source models (9). The other eight state none; the report
 * frames all ten as trends of the coming years, so they get the same 2-3 year frame, and say so.
 * Due means the outer edge of the frame: July 2024 + 3 years. The inner edge (+2 years) is
 * `reviewFrom`, from which a resolution needs no claim of being decisive early.
 */
export type HorizonBasis = 'stated' | 'report-frame';

export interface Horizon {
  /** YYYY-MM-DD: the date the prediction falls due. */
  date: string;
  /** YYYY-MM-DD: the start of the frame (July 2024 + 2 years). */
  reviewFrom: string;
  basis: HorizonBasis;
  /** Where the date comes from, in English. */
  note: string;
}

const REPORT_DATE = '2024-07-01';
const DUE = '2027-07-01';
const REVIEW_FROM = '2026-07-01';
const STATED = new Set(['emotional-companionship', 'open-source-models']);

export function horizonFor(slug: string): Horizon {
  if (STATED.has(slug)) {
    return {
      date: DUE,
      reviewFrom: REVIEW_FROM,
      basis: 'stated',
      note: `stated: "未来2-3年内" (within the next 2-3 years) of the report (${REPORT_DATE.slice(0, 7)}); due at the outer edge`,
    };
  }
  return {
    date: DUE,
    reviewFrom: REVIEW_FROM,
    basis: 'report-frame',
    note: "the report states no horizon for this prediction; the report's general 2-3 year frame is used",
  };
}

/** Whole days from `asOf` to the horizon (negative once it has passed). */
export function daysToHorizon(horizon: Horizon, asOf: Date): number {
  return Math.ceil((Date.parse(`${horizon.date}T00:00:00Z`) - asOf.getTime()) / 86_400_000);
}
