import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { PrismaService } from './prisma.service';

/**
 * Whether this instance may take traffic: flipped once migrations are applied and the predictions
 * seeded, and checked against the database on every probe. The results are terminus indicators,
 * so /health/ready composes them without touching the database itself.
 */
@Injectable()
export class ReadinessService {
  private ready = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  markReady(): void {
    this.ready = true;
  }

  bootstrapped(): HealthIndicatorResult<'bootstrap'> {
    const check = this.indicators.check('bootstrap');
    return this.ready ? check.up() : check.down({ message: 'still migrating and seeding' });
  }

  async database(): Promise<HealthIndicatorResult<'database'>> {
    const check = this.indicators.check('database');
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      return check.up();
    } catch {
      return check.down({ message: 'unreachable' });
    }
  }
}
