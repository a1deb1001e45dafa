import { Clock } from '../common/clock';
import { foundOr404 } from '../common/app-error';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArticleRepository } from '../articles/article.repository';
import { toItemBatchKeepingItems } from '../articles/item-batch';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { FeedService } from '../feeds/feed.service';
import { HostLimiter } from '../feeds/host-limiter';
import { isDatabaseConnectionError, retryWhileDatabaseDown } from '../database/connection-errors';
import type { ArticleToTag } from '../tagging/tagging.repository';
import { TaggingService } from '../tagging/tagging.service';
import { archiveKindOf } from './archive-entries';
import { csvReader } from './csv-reader';
import { feedFilesReader } from './feed-files-reader';
import { FEED_SOURCE, feedHistoryReader } from './feed-history-reader';
import { ChunkReader, ImportChunk, oldestPublishedIn } from './import-chunk';
import { ImportError } from './import-errors';
import { resolveInput } from './import-input';
import { addCounts, ImportCounts, importRates, ImportRates, SessionMark, zeroCounts } from './import-progress';
import { ImportLock, ImportRecord, ImportRepository, ImportStatus } from './import.repository';
import { jsonLinesReader } from './jsonl-reader';
import { readAhead } from './read-ahead';
import { planLanes } from './store-lanes';

export interface ImportRequest {
  location: string;
  format?: string;
  source?: string | null;
  since?: Date | null;
}

export interface ImportRun {
  record: ImportRecord;
  /** True when an unfinished import of the same input was picked up from its checkpoint. */
  resumed: boolean;
  /** The import's row once it has ended (succeeded, failed or interrupted). */
  done: Promise<ImportRecord>;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (counts: ImportCounts, rates: ImportRates, record: ImportRecord) => void;
  /** The database connection was lost and came back: the import goes on from its last checkpoint. */
  onResume?: (record: ImportRecord) => void;
}

/** What a run has learnt of each source it stored: its feed id, and whether its last group was mostly stored already. */
interface SourcesSeen {
  ids: Map<string, number>;
  mostlyStored: Map<string, boolean>;
}

/** How long an import waits for a database that went away (a restart, a failover) before it fails. */
const DATABASE_WAIT_MS = 60_000;
/** Resumes after lost connections in one run: a database that keeps going away fails the import. */
const MAX_RESUMES = 5;
/** Store statements in flight at once (store-lanes.ts); the database's connections per import. */
const STORE_LANES = 2;

/**
 * Imports archives through the polling store path: rows become normalised items, stored per
 * source by ArticleRepository.storeItems (dedupe per source, across sources by normalised URL,
 * rollups by trigger), two sources at a time (store-lanes.ts), then tagged as polled articles
 * are. Each chunk is committed with its checkpoint, so an import stopped in any way is resumed by starting it again; the store is
 * idempotent, so a chunk stored but not checkpointed (killed in between) adds nothing the second time.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly imports: ImportRepository,
    private readonly articles: ArticleRepository,
    private readonly tagging: TaggingService,
    private readonly feeds: FeedService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly clock: Clock,
  ) {}

  /** Imports, newest first, `take` after the id `afterId` (the API's pages). */
  list(afterId: number | undefined, take: number): Promise<ImportRecord[]> {
    return this.imports.list(afterId, take);
  }

  /** One import by id, or not_found. */
  async get(id: number): Promise<ImportRecord> {
    return foundOr404(await this.imports.get(id), 'import', id);
  }

  /** Starts (or resumes) an import; throws ImportError when the input is unusable or already being imported. */
  async start(request: ImportRequest, options: RunOptions = {}): Promise<ImportRun> {
    const location = /^https?:\/\//i.test(request.location) ? request.location : resolve(request.location);
    const input = await resolveInput(location, request.format);
    const key = { format: input.format, location, source: request.source ?? null, since: request.since ?? null };
    const previous = await this.imports.findResumable(key);
    const record = previous ?? (await this.imports.create({ ...key, totalBytes: input.totalBytes }));
    const lock = await this.imports.lock(record.id);
    if (!lock) throw new ImportError('import_running', `import ${record.id} of ${location} is running already`);
    await this.imports.markRunning(record.id);
    return { record, resumed: previous !== null, done: this.execute(record, lock, options) };
  }

  /**
   * Runs the import to its end. A lost database connection (a restart) is waited out: the lock
   * (lost with its connection) is taken again and the import goes on from the checkpoint it had
   * committed, as a second `npm run import` would, so it ends with the same rows.
   */
  private async execute(first: ImportRecord, firstLock: ImportLock, options: RunOptions): Promise<ImportRecord> {
    let record = first;
    let lock: ImportLock | null = firstLock;
    try {
      for (let resumes = 0; ; resumes++) {
        const ended = await this.attempt(record, options);
        if (!ended.connectionLost || resumes === MAX_RESUMES || options.signal?.aborted) {
          await retryWhileDatabaseDown(
            () => this.imports.finish(record.id, ended.status, ended.error),
            DATABASE_WAIT_MS,
          );
          break;
        }
        await lock.release();
        lock = await retryWhileDatabaseDown(() => this.imports.lock(record.id), DATABASE_WAIT_MS);
        // Another process resumed it while this one was cut off: it is theirs to finish.
        if (!lock) throw new ImportError('import_running', `import ${record.id} was resumed elsewhere`);
        record = (await this.imports.get(record.id))!;
        this.logger.warn(`import ${record.id}: database connection lost; resuming from its checkpoint`);
        options.onResume?.(record);
      }
      return (await retryWhileDatabaseDown(() => this.imports.get(record.id), DATABASE_WAIT_MS))!;
    } finally {
      await lock?.release();
    }
  }

  private async attempt(
    record: ImportRecord,
    options: RunOptions,
  ): Promise<{ status: ImportStatus; error: string | null; connectionLost: boolean }> {
    const { signal } = options;
    try {
      await this.readAll(record, await this.readerFor(record), options);
      return { status: signal?.aborted ? 'interrupted' : 'succeeded', error: null, connectionLost: false };
    } catch (cause) {
      if (signal?.aborted) return { status: 'interrupted', error: null, connectionLost: false };
      const error = errorText(cause);
      this.logger.error(`import ${record.id}: ${error}`);
      return { status: 'failed', error, connectionLost: isDatabaseConnectionError(cause) };
    }
  }

  private async readAll(record: ImportRecord, reader: ChunkReader, options: RunOptions): Promise<void> {
    // What the last saved checkpoint says (its evidence as counted when it was saved, see below).
    let counts: ImportCounts = { ...zeroCounts(), ...record.counts };
    const session: SessionMark = { at: this.clock.now(), read: counts.read, bytesDone: counts.bytesDone };
    const sources: SourcesSeen = { ids: new Map(), mostlyStored: new Map() };
    let checkpoint = record.checkpoint;
    // The previous chunk's tagging, running while this chunk is stored: tagging is mostly the
    // app's CPU (matching, scoring) and storing mostly the database's, so side by side they use
    // both cores instead of taking turns. One of each in flight; a checkpoint may run ahead of
    // tagging, which is safe: stored articles stay queued (untagged_articles) until tagged, and
    // what a stopped run left untagged is tagged below when the import is resumed.
    let tagging: Promise<void> | null = null;
    // Evidence is counted as each tagging ends, apart from the checkpoint it runs behind: its
    // articles leave the queue with it, so evidence not counted now would never be counted.
    const evidenceBefore = counts.evidence;
    let evidenceFound = 0;
    const withEvidence = (c: ImportCounts): ImportCounts => ({ ...c, evidence: evidenceBefore + evidenceFound });
    const tag = (articles: ArticleToTag[]) =>
      this.tagging.tagStored(articles).then((summary) => {
        evidenceFound += summary.evidenceNew;
      });
    try {
      for await (const chunk of readAhead(reader(record.checkpoint, options.signal))) {
        const { newArticles, ...stored } = await this.storeChunk(record, chunk, sources);
        if (tagging) await tagging;
        tagging = tag(newArticles);
        // Awaited with the next chunk; until then a failure must not count as unhandled.
        tagging.catch(() => undefined);
        const next = addCounts(counts, {
          ...stored,
          read: chunk.read,
          refused: chunk.refusals.length,
          skippedBeforeSince: chunk.beforeSince,
        });
        if (chunk.bytesDone !== undefined) next.bytesDone = chunk.bytesDone;
        const saved = withEvidence(next);
        await this.imports.saveProgress(record.id, {
          checkpoint: chunk.checkpoint,
          counts: saved,
          refusals: chunk.refusals,
          oldest: oldestPublishedIn(chunk),
        });
        counts = saved;
        checkpoint = chunk.checkpoint;
        const shown = withEvidence(counts);
        options.onProgress?.(shown, importRates(shown, session, record.totalBytes, this.clock.now()), record);
        if (options.signal?.aborted) break;
      }
    } catch (cause) {
      // Stopped or failed mid-chunk: never leave tagging running behind the import (the database
      // may be closing), and save what it found with the last checkpoint. A save that fails too
      // (the connection is gone) loses that count only; the evidence rows are stored.
      await tagging?.catch(() => undefined);
      await this.imports
        .saveProgress(record.id, { checkpoint, counts: withEvidence(counts), refusals: [], oldest: null })
        .catch(() => undefined);
      throw cause;
    }
    // The last chunk's tagging, and articles a killed run stored but did not tag (no longer new
    // to this one): tag what is left, once, as the ingest job does.
    if (tagging) await tagging;
    if (!options.signal?.aborted) evidenceFound += (await this.tagging.tagUntagged(options.signal)).evidenceNew;
    if (withEvidence(counts).evidence !== counts.evidence)
      await this.imports.saveProgress(record.id, {
        checkpoint,
        counts: withEvidence(counts),
        refusals: [],
        oldest: null,
      });
  }

  private async storeChunk(
    record: ImportRecord,
    chunk: ImportChunk,
    sources: SourcesSeen,
  ): Promise<Pick<ImportCounts, 'stored' | 'merged' | 'seenInOtherSources'> & { newArticles: ArticleToTag[] }> {
    const counts = { stored: 0, merged: 0, seenInOtherSources: 0, newArticles: [] as ArticleToTag[] };
    // A feed file with no items names its source but has nothing to store.
    const groups = new Map([...chunk.groups].filter(([, group]) => group.length > 0));
    const feedIds = new Map<string, number>();
    for (const source of groups.keys()) feedIds.set(source, await this.sourceId(record, source, sources.ids));
    const storedBySource = new Map<string, { newArticles: ArticleToTag[]; seenElsewhere: number }>();
    let laneFailed = false;
    const storeLane = async (lane: string[]) => {
      for (const source of lane) {
        // The other lane failed: stop after the statement in flight, the chunk is stored again on resume.
        if (laneFailed) return;
        const feedId = feedIds.get(source)!;
        const group = groups.get(source)!;
        let unstored = group;
        // A source whose last group was mostly stored already (a re-import, the chunk a killed run
        // stored but did not checkpoint) is asked first which items it has: those are not sent.
        if (sources.mostlyStored.get(source) ?? true) {
          const known = await this.articles.knownItemHashes(
            feedId,
            group.map((item) => item.itemKeyHash),
          );
          if (known.size > 0) unstored = group.filter((item) => !known.has(item.itemKeyHash));
        }
        const { batch, items } = toItemBatchKeepingItems(unstored);
        const result = await this.articles.storeItems(feedId, batch, record.id);
        sources.mostlyStored.set(source, group.length - result.newItems >= group.length / 2);
        // A new article holds exactly its item's text: tagged from it, not read back.
        const newArticles = result.newArticles.map(({ id, item }) => {
          const { title, summary, publishedAt } = items[item]!;
          return { id, title, summary, publishedAt };
        });
        storedBySource.set(source, { newArticles, seenElsewhere: result.seenElsewhere });
      }
    };
    // Every lane settles before a failure is thrown: nothing is left writing behind a stopped import.
    const settled = await Promise.allSettled(
      planLanes(groups, STORE_LANES).map((lane) =>
        storeLane(lane).catch((error: unknown) => {
          laneFailed = true;
          throw error;
        }),
      ),
    );
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    // A lost connection is what decides a resume: it wins over whatever the other lane then met.
    if (errors.length > 0) throw errors.find(isDatabaseConnectionError) ?? errors[0];
    // Counted in chunk order whatever lane finished first.
    for (const [source, group] of groups) {
      const stored = storedBySource.get(source)!;
      counts.stored += stored.newArticles.length;
      counts.newArticles.push(...stored.newArticles);
      counts.merged += group.length - stored.newArticles.length;
      counts.seenInOtherSources += stored.seenElsewhere;
    }
    return counts;
  }

  private async sourceId(record: ImportRecord, source: string, cache: Map<string, number>): Promise<number> {
    let id = cache.get(source);
    if (id === undefined) {
      id =
        source === FEED_SOURCE ? await this.imports.feedByUrl(record.location) : await this.imports.namedSource(source);
      cache.set(source, id);
    }
    return id;
  }

  private async readerFor(record: ImportRecord): Promise<ChunkReader> {
    const options = { defaultSource: record.source, since: record.since, now: this.clock.now() };
    if (record.format === 'jsonl') return jsonLinesReader(record.location, options);
    if (record.format === 'csv') return csvReader(record.location, options);
    if (record.format === 'feeds') {
      const kind = await archiveKindOf(record.location);
      if (!kind) throw new ImportError('invalid_format', `${record.location} is not a directory or archive`);
      return feedFilesReader(record.location, kind, { ...options, maxBytes: this.env.maxFeedBytes });
    }
    // The polling limits: one connection at a time per host at most, as many overall as polling allows.
    const limiter = new HostLimiter(this.env.fetchConcurrency, this.env.fetchPerHostConcurrency);
    return feedHistoryReader(record.location, {
      since: record.since,
      now: options.now,
      maxPages: this.env.importMaxPages,
      delayMs: this.env.importPageDelayMs,
      fetchPage: (url, signal) => limiter.run(url, () => this.feeds.fetch(url, { unconditional: true }, signal)),
      wait: (ms, signal) => sleep(ms, undefined, { signal }),
    });
  }
}

function errorText(cause: unknown): string {
  if (cause instanceof ImportError) return `${cause.code}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}
