import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { DATABASE_URL } from './database.tokens';

/**
 * The one Prisma client of the process, on the `pg` driver through Prisma's adapter. The `pg` pool
 * underneath is ours and shared: the few hot statements where Prisma's per-query cost was measured
 * to dominate (storing a feed's items) run on `pool` directly, on the same connections.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly pool: Pool;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // An external pool outlives $disconnect: ending it is ours to do.
    if (!this.pool.ended) await this.pool.end();
  }
}
