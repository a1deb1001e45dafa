import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PrismaService } from '../database/prisma.service';
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

const COLUMNS = `id, format, location, source, since, status, checkpoint, total_bytes::float8 AS "totalBytes", counts,
  refusals, error, started_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt"`;

@Injectable()
export class ImportRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(
    r: Pick<ImportRecord, 'format' | 'location' | 'source' | 'since' | 'totalBytes'>,
  ): Promise<ImportRecord> {
    const { rows } = await this.prisma.pool.query<ImportRecord>(
      `INSERT INTO imports (format, location, source, since, total_bytes) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [r.format, r.location, r.source, r.since, r.totalBytes],
    );
    return rows[0]!;
  }

  /** The latest unfinished import of the same input, to resume rather than start over. */
  async findResumable(r: Pick<ImportRecord, 'format' | 'location' | 'source' | 'since'>): Promise<ImportRecord | null> {
    const { rows } = await this.prisma.pool.query<ImportRecord>(
      `SELECT ${COLUMNS} FROM imports
       WHERE format = $1 AND location = $2 AND source IS NOT DISTINCT FROM $3 AND since IS NOT DISTINCT FROM $4
         AND status <> 'succeeded'
       ORDER BY id DESC LIMIT 1`,
      [r.format, r.location, r.source, r.since],
    );
    return rows[0] ?? null;
  }

  async get(id: number): Promise<ImportRecord | null> {
    const { rows } = await this.prisma.pool.query<ImportRecord>(`SELECT ${COLUMNS} FROM imports WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(beforeId: number | undefined, limit: number): Promise<ImportRecord[]> {
    const { rows } = await this.prisma.pool.query<ImportRecord>(
      `SELECT ${COLUMNS} FROM imports WHERE ($1::int IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [beforeId ?? null, limit],
    );
    return rows;
  }

  /**
   * Holds the import's lock on a connection of its own until release: a killed process loses its
   * connection and so the lock, which is how a resume knows the import is not running elsewhere.
   * A database restart ends that connection too: the error is heard here (unheard, an idle checked-out
   * client's 'error' would crash the process), and release() then discards the dead connection.
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
    await this.prisma.pool.query(
      `UPDATE imports SET status = 'running', error = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
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
    await this.prisma.pool.query(
      `UPDATE imports SET checkpoint = $2::jsonb, counts = $3::jsonb, updated_at = now(),
         oldest_published_at = LEAST(oldest_published_at, $6::timestamptz),
         refusals = CASE WHEN jsonb_array_length(refusals) >= $5 THEN refusals
                         ELSE refusals || (SELECT coalesce(jsonb_agg(r), '[]') FROM
                                (SELECT r FROM jsonb_array_elements($4::jsonb) r LIMIT $5 - jsonb_array_length(refusals)) x) END
       WHERE id = $1`,
      [id, JSON.stringify(checkpoint), JSON.stringify(counts), JSON.stringify(refusals), MAX_REFUSALS_KEPT, oldest],
    );
  }

  async finish(id: number, status: ImportStatus, error: string | null): Promise<void> {
    await this.prisma.pool.query(
      `UPDATE imports SET status = $2, error = $3, updated_at = now(),
         finished_at = CASE WHEN $2 = 'succeeded' THEN now() ELSE finished_at END WHERE id = $1`,
      [id, status, error],
    );
  }

  /**
   * The feed-like row of a named import source: never polled (paused, kind 'import'), but a feed to
   * the store statement, so dedupe per source and "seen in" work as for polled feeds.
   */
  async namedSource(name: string): Promise<number> {
    const { rows } = await this.prisma.pool.query<{ id: number }>(
      `INSERT INTO feeds (url, title, kind, paused, updated_at) VALUES ($1, $2, 'import', true, now())
       ON CONFLICT (url) DO UPDATE SET title = coalesce(feeds.title, EXCLUDED.title) RETURNING id`,
      [`import:${name}`, name],
    );
    return rows[0]!.id;
  }

  /** The feed whose history is imported: the polled row when it exists, else a new feed (polled from then on). */
  async feedByUrl(url: string): Promise<number> {
    const { rows } = await this.prisma.pool.query<{ id: number }>(
      `INSERT INTO feeds (url, updated_at) VALUES ($1, now()) ON CONFLICT (url) DO UPDATE SET url = EXCLUDED.url RETURNING id`,
      [url],
    );
    return rows[0]!.id;
  }
}
