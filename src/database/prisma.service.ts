import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { DATABASE_URL } from './database.tokens';

/** The one Prisma client of the process, on the `pg` driver through Prisma's adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /**
   * The `pg` pool under Prisma, for the few hot reads that must be one round trip without Prisma's
   * per-query cost (see MomentumRepository). One pool, so the connection limit stays one number.
   */
  readonly pool: Pool;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    // Prisma owns the pool's lifetime: $disconnect ends it.
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // Prisma disposes the pool only if it ever connected; raw reads may have used it regardless.
    if (!this.pool.ended) await this.pool.end();
  }
}
