import { Injectable, Logger } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { PREDICTIONS, PredictionSeed } from '../../prisma/seed/predictions';
import { SEED_RULES } from '../../prisma/seed/rules';
import type { Prisma, Trend } from '../generated/prisma/client';
import { TrendRepository } from './trend.repository';

export interface SeedReport {
  created: number;
  updated: number;
  ruleSetsAdded: number;
}

/**
 * Seeds the ten predictions at every start, idempotently. Texts are updated when the seed's
 * version is newer; a changed seed rule set becomes a new version unless an admin has edited
 * the rules since (their edit wins). Rows are updated in place, so evidence and reviews stay.
 */
@Injectable()
export class TrendSeeder {
  private readonly logger = new Logger(TrendSeeder.name);

  constructor(private readonly trends: TrendRepository) {}

  /** Two instances starting together race on the unique number; the loser simply re-reads. */
  async seed(): Promise<SeedReport> {
    try {
      return await this.seedOnce();
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      return this.seedOnce();
    }
  }

  private async seedOnce(): Promise<SeedReport> {
    const report: SeedReport = { created: 0, updated: 0, ruleSetsAdded: 0 };
    for (const prediction of PREDICTIONS) {
      const trend = await this.upsertTrend(prediction, report);
      if (await this.seedRules(trend)) report.ruleSetsAdded += 1;
    }
    this.logger.log(`seeded predictions: ${JSON.stringify(report)}`);
    return report;
  }

  private async upsertTrend(p: PredictionSeed, report: SeedReport): Promise<Trend> {
    const fields = {
      slug: p.slug,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      summaryZh: p.summaryZh,
      summaryEn: p.summaryEn,
      horizon: p.horizon,
      seedVersion: p.seedVersion,
    };
    const existing = await this.trends.findByNumber(p.number);
    if (!existing) {
      report.created += 1;
      return this.trends.create({ number: p.number, ...fields });
    }
    if (existing.seedVersion >= p.seedVersion) return existing;
    report.updated += 1;
    return this.trends.update(existing.id, fields);
  }

  private async seedRules(trend: Trend): Promise<boolean> {
    const rules = (SEED_RULES as Record<string, unknown>)[trend.slug];
    if (rules === undefined) return false;
    const current = await this.trends.latestRuleSet(trend.id);
    if (current && current.source !== 'seed') return false;
    // Compare as stored: the JSON round trip drops undefined fields.
    if (current && isDeepStrictEqual(current.rules, JSON.parse(JSON.stringify(rules)))) return false;
    await this.trends.appendRuleSet(trend.id, rules as Prisma.InputJsonValue, 'seed');
    return true;
  }
}
