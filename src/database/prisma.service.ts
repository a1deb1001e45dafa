import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import pTimeout from 'p-timeout';
import { PrismaClient } from '../generated/prisma/client';
import { DATABASE_URL } from './database.types';

/**
 * The one Prisma client of the process, on the `pg` driver through Prisma's adapter. The `pg` pool
 * underneath is ours and shared: the few hot statements where Prisma's per-query cost was measured
 * to dominate (storing and recording each fetched feed, the momentum and scorecard reads) run on
 * `pool` directly, on the same connections.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly pool: Pool;
  private readonly logger = new Logger(PrismaService.name);

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    // An idle connection the server ends (restart, terminated backend) is an 'error' on the pool:
    // unheard, it would crash the process. The pool drops that client and connects anew when needed.
    pool.on('error', (error) => this.logger.warn(`idle database connection lost: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // An external pool outlives $disconnect: ending it is ours to do.
    if (!this.pool.ending) await endPoolAndWaitForClients(this.pool);
  }
}

/**
 * pg's Pool.end() resolves once it has asked its clients to end, and only after every client in use
 * has been released; it does not wait for the connections to close. A database dropped (or a
 * server stopped) right after could still terminate one of them, so each client's 'remove' (its
 * connection closed) is awaited too. A client still in use (a job past its shutdown grace) or a
 * connection that never reports its close is not waited for beyond CLOSE_WAIT_MS in all.
 */
const CLOSE_WAIT_MS = 5000;

async function endPoolAndWaitForClients(pool: Pool): Promise<void> {
  let open = pool.totalCount;
  const allClosed = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open === 0) resolve();
    });
  });
  // A connection that never reports its close must not hang the shutdown: past the wait, go on.
  await pTimeout(Promise.all([pool.end(), allClosed]), CLOSE_WAIT_MS, () => undefined);
}
