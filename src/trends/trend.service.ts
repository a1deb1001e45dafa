import { Injectable } from '@nestjs/common';
import { foundOr404 } from '../common/app-error';
import type { Trend } from '../generated/prisma/client';
import { TrendRepository } from './trend.repository';

@Injectable()
export class TrendService {
  constructor(private readonly trends: TrendRepository) {}

  list(): Promise<Trend[]> {
    return this.trends.findAll();
  }

  /** By slug or by number ("3"); unknown -> 404 trend_not_found. */
  async get(key: string): Promise<Trend> {
    const trend = foundOr404(await this.trends.findBySlugOrNumber(key), 'trend', key);
    return trend;
  }
}
