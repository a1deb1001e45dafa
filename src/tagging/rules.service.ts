import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppError } from '../common/app-error';
import type { Prisma, RuleSet as RuleSetRow, Trend } from '../generated/prisma/client';
import { TrendRepository } from '../trends/trend.repository';
import { TrendService } from '../trends/trend.service';
import { validateRuleSet } from './rule-set.types';

/** Emitted in-process after an admin stores a new rule set version; jobs/ re-tags on it. */
export const RULES_CHANGED = 'tagging.rules-changed';
export interface RulesChanged {
  slug: string;
  version: number;
}

export interface RulesView {
  trend: Trend;
  current: RuleSetRow | null;
}

@Injectable()
export class RulesService {
  constructor(
    private readonly trends: TrendService,
    private readonly repository: TrendRepository,
    private readonly events: EventEmitter2,
  ) {}

  async get(key: string): Promise<RulesView> {
    const trend = await this.trends.get(key);
    return { trend, current: await this.repository.latestRuleSet(trend.id) };
  }

  /**
   * Validates and stores a new version (older versions stay: evidence names the version that
   * fired), then asks for a background re-tag of stored articles.
   */
  async replace(key: string, input: unknown): Promise<RulesView> {
    const trend = await this.trends.get(key);
    const validation = validateRuleSet(input);
    if (!validation.ok) {
      throw AppError.badRequest('invalid_rules', validation.errors.join('; '), validation.errors);
    }
    const saved = await this.repository.appendRuleSet(
      trend.id,
      validation.value as unknown as Prisma.InputJsonValue,
      'admin',
    );
    this.events.emit(RULES_CHANGED, { slug: trend.slug, version: saved.version } satisfies RulesChanged);
    return { trend: { ...trend, currentRuleVersion: saved.version }, current: saved };
  }
}
