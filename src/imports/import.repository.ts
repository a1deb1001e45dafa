import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import type { RowRefusal } from './article-row';
import type { Checkpoint } from './import-chunk';
import type { ImportCounts } from './import-progress';

export type ImportStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';
export type ImportFormat = 'jsonl' | 'csv' | 'feeds' | 'paged';

export interface ImportRecord {
  id: number;
  format: ImportFormat;
  location: string;
  source: string | null;
  since: Date | null;
  status: ImportStatus;
  checkpoint: Checkpoint;
  totalBytes: number | null;
  counts: Partial<ImportCounts>;
  refusals: RowRefusal[];
  error: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface ImportLock {
  /** Idempotent; gives the connection back, or discards it when the database ended it. */
  release(): Promise<void>;
}

/** Refusals kept on the row: enough to find what is wrong with a file, bounded for a file that is all wrong. */
const MAX_REFUSALS_KEPT = 200;
/** Advisory-lock class of imports: a running import holds (class, id) on its own connection. */
const IMPORT_LOCK_CLASS = 7216;

const COLUMNS = Prisma.sql`id, format, location, source, since, status, checkpoint, total_bytes::float8 AS "totalBytes",
  counts, refusals, error, started_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt"`;

/**
 * Tagged `$queryRaw` templates (docs/architecture.md, Data access): the rows are ImportRecord as
 * written, JSON columns parsed, and one statement per chunk is far from a hot path. Only the lock
 * holds a `pg` connection of its own (see lock()).
 */
@Injectable()
export class ImportRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(
    r: Pick<ImportRecord, 'format' | 'location' | 'source' | 'since' | 'totalBytes'>,
  ): Promise<ImportRecord> {
    const rows = await this.prisma.$queryRaw<ImportRecord[]>`
      INSERT INTO imports (format, location, source, since, total_bytes)
      VALUES (${r.format}, ${r.location}, ${r.source}, ${r.since}::timestamptz, ${r.totalBytes}::bigint)
      RETURNING ${COLUMNS}`;
    return rows[0]!;
  }

  /** The latest unfinished import of the same input, to resume rather than start over. */
  async findResumable(r: Pick<ImportRecord, 'format' | 'location' | 'source' | 'since'>): Promise<ImportRecord | null> {
    const rows = await this.prisma.$queryRaw<ImportRecord[]>`
      SELECT ${COLUMNS} FROM imports
      WHERE format = ${r.format} AND location = ${r.location} AND source IS NOT DISTINCT FROM ${r.source}::text
        AND since IS NOT DISTINCT FROM ${r.since}::timestamptz AND status <> 'succeeded'
      ORDER BY id DESC LIMIT 1`;
    return rows[0] ?? null;
  }

  async get(id: number): Promise<ImportRecord | null> {
    const rows = await this.prisma.$queryRaw<ImportRecord[]>`SELECT ${COLUMNS} FROM imports WHERE id = ${id}::int`;
    return rows[0] ?? null;
  }

  list(beforeId: number | undefined, limit: number): Promise<ImportRecord[]> {
    const before = beforeId ?? null;
    return this.prisma.$queryRaw<ImportRecord[]>`
      SELECT ${COLUMNS} FROM imports WHERE (${before}::int IS NULL OR id < ${before}::int)
      ORDER BY id DESC LIMIT ${limit}::int`;
  }

  /**
   * Holds the import's lock on a connection of its own until release: a killed process loses its
   * connection and so the lock, which is how a resume knows the import is not running elsewhere.
   * A database restart ends that connection too: the error is heard here (unheard, an idle checked-out
   * client's 'error' would crash the process), and release() then discards the dead connection.
   * A `pg` client of the pool, not Prisma: Prisma lends a connection only inside a transaction, which
   * would stay open for the whole import.
   */
  async lock(id: number): Promise<ImportLock | null> {
    const client: PoolClient = await this.prisma.pool.connect();
    let lost: Error | undefined;
    client.on('error', (error) => (lost = error));
    const { rows } = await client
      .query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [IMPORT_LOCK_CLASS, id])
      .catch((error: Error) => {
        client.release(error);
        throw error;
      });
    if (!rows[0]!.locked) {
      client.release();
      return null;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        if (!lost)
          await client
            .query('SELECT pg_advisory_unlock($1, $2)', [IMPORT_LOCK_CLASS, id])
            .catch((error: Error) => (lost = error));
        client.release(lost);
      },
    };
  }

  async markRunning(id: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE imports SET status = 'running', error = NULL, updated_at = now() WHERE id = ${id}::int`;
  }

  /**
   * One statement per chunk, after the chunk is stored: the checkpoint a resume starts from, and
   * how far back the import reaches (`oldest`, the chunk's oldest publication date; LEAST skips a null).
   */
  async saveProgress(
    id: number,
    progress: { checkpoint: Checkpoint; counts: ImportCounts; refusals: RowRefusal[]; oldest: Date | null },
  ): Promise<void> {
    const { checkpoint, counts, refusals, oldest } = progress;
    await this.prisma.$executeRaw`
      UPDATE imports SET checkpoint = ${JSON.stringify(checkpoint)}::jsonb, counts = ${JSON.stringify(counts)}::jsonb,
        updated_at = now(),
        oldest_published_at = LEAST(oldest_published_at, ${oldest}::timestamptz),
        refusals = CASE WHEN jsonb_array_length(refusals) >= ${MAX_REFUSALS_KEPT}::int THEN refusals
                        ELSE refusals || (SELECT coalesce(jsonb_agg(r), '[]') FROM
                               (SELECT r FROM jsonb_array_elements(${JSON.stringify(refusals)}::jsonb) r
                                LIMIT ${MAX_REFUSALS_KEPT}::int - jsonb_array_length(refusals)) x) END
      WHERE id = ${id}::int`;
  }

  async finish(id: number, status: ImportStatus, error: string | null): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE imports SET status = ${status}::text, error = ${error}::text, updated_at = now(),
        finished_at = CASE WHEN ${status}::text = 'succeeded' THEN now() ELSE finished_at END
      WHERE id = ${id}::int`;
  }

  /**
   * The feed-like row of a named import source: never polled (paused, kind 'import'), but a feed to
   * the store statement, so dedupe per source and "seen in" work as for polled feeds.
   */
  async namedSource(name: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO feeds (url, title, kind, paused, updated_at) VALUES (${`import:${name}`}, ${name}, 'import', true, now())
      ON CONFLICT (url) DO UPDATE SET title = coalesce(feeds.title, EXCLUDED.title) RETURNING id`;
    return rows[0]!.id;
  }

  /** The feed whose history is imported: the polled row when it exists, else a new feed (polled from then on). */
  async feedByUrl(url: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO feeds (url, updated_at) VALUES (${url}, now())
      ON CONFLICT (url) DO UPDATE SET url = EXCLUDED.url RETURNING id`;
    return rows[0]!.id;
  }
}
