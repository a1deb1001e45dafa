import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { DATABASE_URL } from './database.types';

/** First key of every liveness advisory lock; the second is the instance's own key. */
const LIVENESS_LOCK_CLASS = 0x5c0e;

/**
 * This process's sign of life in the database: a session advisory lock on (LIVENESS_LOCK_CLASS,
 * key) held on a connection of its own. Leases (feeds being fetched, a job's tick) carry the key;
 * when the process dies, even by SIGKILL, the kernel closes its connection, PostgreSQL drops the
 * lock, and `lease_holder_gone(key)` (SQL, migration feed_gaps_and_lease_liveness) says so at once,
 * so others need not wait for the lease to lapse. A lost connection (a database restart) is made
 * again every second; meanwhile this process's leases look free, which costs at most a feed
 * fetched twice (storing is idempotent), never a lockout.
 */
@Injectable()
export class InstanceLiveness implements OnModuleInit, OnModuleDestroy {
  readonly key = randomInt(1, 2 ** 31 - 1);
  private readonly logger = new Logger(InstanceLiveness.name);
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect().catch((error) => this.reconnectSoon(error));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'scorecard-liveness' });
    client.on('error', (error) => this.reconnectSoon(error));
    await client.connect();
    this.client = client;
    await client.query('SELECT pg_advisory_lock($1::int, $2::int)', [LIVENESS_LOCK_CLASS, this.key]);
  }

  /**
   * A timer, not p-retry: reconnecting is started by a connection's error event and must stop at
   * once on close (p-retry@4 cannot be cancelled) without keeping the process alive (unref).
   */
  private reconnectSoon(error: unknown): void {
    if (this.closed || this.retry) return;
    this.logger.warn(
      `liveness connection lost (${error instanceof Error ? error.message : String(error)}); reconnecting`,
    );
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) this.connect().catch((e) => this.reconnectSoon(e));
    }, 1000);
    this.retry.unref();
  }
}
