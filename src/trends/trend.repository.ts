import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma, Trend, RuleSet } from '../generated/prisma/client';
import { parseTrendKey } from './trend-key';

@Injectable()
export class TrendRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(): Promise<Trend[]> {
    return this.prisma.trend.findMany({ orderBy: { number: 'asc' } });
  }

  findBySlugOrNumber(key: string): Promise<Trend | null> {
    return this.prisma.trend.findFirst({ where: parseTrendKey(key) });
  }

  findByNumber(number: number): Promise<Trend | null> {
    return this.prisma.trend.findUnique({ where: { number } });
  }

  create(data: Prisma.TrendCreateInput): Promise<Trend> {
    return this.prisma.trend.create({ data });
  }

  update(id: number, data: Prisma.TrendUpdateInput): Promise<Trend> {
    return this.prisma.trend.update({ where: { id }, data });
  }

  latestRuleSet(trendId: number): Promise<RuleSet | null> {
    return this.prisma.ruleSet.findFirst({ where: { trendId }, orderBy: { version: 'desc' } });
  }

  /** The rule set each trend currently uses (its `currentRuleVersion`). */
  async currentRuleSets(): Promise<(RuleSet & { trend: Trend })[]> {
    // Only the current versions: every rule edit appends one, and loading them all to keep ten
    // would grow with each edit.
    const trends = await this.prisma.trend.findMany({
      where: { currentRuleVersion: { gt: 0 } },
      select: { id: true, currentRuleVersion: true },
    });
    if (trends.length === 0) return [];
    return this.prisma.ruleSet.findMany({
      where: { OR: trends.map((t) => ({ trendId: t.id, version: t.currentRuleVersion })) },
      include: { trend: true },
      orderBy: { trendId: 'asc' },
    });
  }

  /** Appends a rule-set version and makes it current, in one transaction. */
  async appendRuleSet(trendId: number, rules: Prisma.InputJsonValue, source: string): Promise<RuleSet> {
    return this.prisma.$transaction(async (tx) => {
      const trend = await tx.trend.update({
        where: { id: trendId },
        data: { currentRuleVersion: { increment: 1 } },
      });
      return tx.ruleSet.create({ data: { trendId, version: trend.currentRuleVersion, rules, source } });
    });
  }
}
