import { Clock } from '../common/clock';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { parseInstant, WindowError } from '../momentum/momentum-window';
import { parseTrendKey } from '../trends/trend-key';
import { RESOLUTION_OUTCOMES } from './assessment';
import { horizonFor } from './horizons';
import { VERDICT_EVIDENCE_WINDOW } from './verdict-read.sql';
import { VerdictRepository, VerdictTrendRow } from './verdict.repository';
import { buildVerdict, monthlyHistory, MonthlyPoint, ResolutionRecord, Verdict } from './verdict';

export interface ResolveInput {
  outcome: string;
  rationaleZh?: string;
  rationaleEn?: string;
  evidenceIds?: number[];
  decisive?: boolean;
}

export interface TrackRecordEntry {
  trend: VerdictTrendRow;
  verdict: Verdict;
  monthly: MonthlyPoint[];
}

/** Verdicts per prediction (verdict.ts), resolutions (append-only) and the report's track record. */
@Injectable()
export class VerdictService {
  constructor(
    private readonly verdicts: VerdictRepository,
    private readonly clock: Clock,
  ) {}

  /** Every prediction's verdict as known at asOf, by trend id. */
  async all(asOf: Date): Promise<Map<number, Verdict>> {
    const read = await this.verdicts.read(asOf);
    return new Map(read.trends.map((t) => [t.id, buildVerdict(t, read.items, read.resolutions, asOf)]));
  }

  async forKey(key: string, asOf: Date): Promise<{ trend: VerdictTrendRow; verdict: Verdict }> {
    const read = await this.verdicts.read(asOf);
    const trend = findTrend(read.trends, key);
    return { trend, verdict: buildVerdict(trend, read.items, read.resolutions, asOf) };
  }

  async trackRecord(asOf: Date): Promise<TrackRecordEntry[]> {
    const [read, all] = await Promise.all([this.verdicts.read(asOf), this.verdicts.allAccepted(asOf)]);
    return read.trends.map((trend) => ({
      trend,
      verdict: buildVerdict(trend, read.items, read.resolutions, asOf),
      monthly: monthlyHistory(trend, all, read.resolutions, asOf, VERDICT_EVIDENCE_WINDOW),
    }));
  }

  /**
   * Appends a resolution. Before the horizon it must be claimed decisive (`decisive: true`);
   * cited evidence must belong to the prediction. The previous resolution stays, as history.
   */
  async resolve(key: string, input: ResolveInput, actor: string, now = this.clock.now()): Promise<ResolutionRecord> {
    const { trend } = await this.forKey(key, now);
    if (!(RESOLUTION_OUTCOMES as readonly string[]).includes(input.outcome))
      throw AppError.badRequest('validation_failed', `outcome must be one of ${RESOLUTION_OUTCOMES.join(', ')}`);
    if (!input.rationaleZh?.trim() && !input.rationaleEn?.trim())
      throw AppError.badRequest(
        'rationale_required',
        'a rationale in zh (rationaleZh) or en (rationaleEn) is required',
      );
    const beforeHorizon = now.getTime() < Date.parse(`${horizonFor(trend.slug).date}T00:00:00Z`);
    if (beforeHorizon && input.decisive !== true)
      throw AppError.badRequest(
        'horizon_not_reached',
        `the horizon ${horizonFor(trend.slug).date} has not passed: resolve early only with "decisive": true`,
      );
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    const found = new Set(await this.verdicts.evidenceOfTrend(trend.id, evidenceIds));
    const missing = evidenceIds.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw AppError.badRequest('unknown_evidence', `not evidence of ${trend.slug}: ${missing.join(', ')}`, {
        evidenceIds: missing,
      });
    return this.verdicts.append({
      trendId: trend.id,
      outcome: input.outcome,
      rationaleZh: input.rationaleZh?.trim() || null,
      rationaleEn: input.rationaleEn?.trim() || null,
      evidenceIds,
      beforeHorizon,
      actor,
    });
  }

  async history(key: string): Promise<ResolutionRecord[]> {
    const { trend } = await this.forKey(key, this.clock.now());
    return this.verdicts.resolutions({ trendId: trend.id });
  }
}

function findTrend(trends: VerdictTrendRow[], key: string): VerdictTrendRow {
  const parsed = parseTrendKey(key);
  const trend = trends.find((t) => ('slug' in parsed ? t.slug === parsed.slug : t.number === parsed.number));
  if (!trend) throw AppError.notFound('trend', key);
  return trend;
}

/** asOf from a query string: absent means now; malformed is a 400 like momentum's. */
export function parseAsOf(raw: string | undefined, now: Date): Date {
  try {
    return parseInstant(raw, 'asOf') ?? now;
  } catch (error) {
    if (error instanceof WindowError) throw AppError.badRequest('invalid_window', error.message, { field: 'asOf' });
    throw error;
  }
}
