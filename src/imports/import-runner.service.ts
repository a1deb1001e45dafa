import { Clock } from '../common/clock';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { ImportError } from './import-errors';
import type { SessionMark } from './import-progress';
import type { ImportRecord } from './import.repository';
import { ImportRequest, ImportRun, ImportService, RunOptions } from './import.service';
import pTimeout from 'p-timeout';

/** A chunk is a few seconds of work at most; past this the database closes under it and the resume redoes it. */
const SHUTDOWN_GRACE_MS = 30_000;

/**
 * Runs imports started through the API in the background, one AbortController each, so shutdown
 * stops them between chunks (they end 'interrupted' and resume when started again).
 */
@Injectable()
export class ImportRunner implements OnModuleDestroy {
  private readonly running = new Map<
    number,
    { controller: AbortController; done: Promise<unknown>; session: SessionMark }
  >();

  constructor(
    private readonly imports: ImportService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly clock: Clock,
  ) {}

  /** From the API: files inside IMPORT_DIR only; answers once the import is under way. */
  async start(request: ImportRequest): Promise<{ record: ImportRecord; resumed: boolean }> {
    const location = /^https?:\/\//i.test(request.location) ? request.location : this.insideImportDir(request.location);
    try {
      const run = await this.run({ ...request, location });
      return { record: run.record, resumed: run.resumed };
    } catch (error) {
      if (error instanceof ImportError && error.code === 'import_running')
        throw AppError.conflict(error.code, error.message);
      if (error instanceof ImportError) throw AppError.badRequest(error.code, error.message);
      throw error;
    }
  }

  /** From the command line (any path the user can read), with progress; shutdown interrupts it as it does API imports. */
  async run(request: ImportRequest, callbacks: Pick<RunOptions, 'onProgress' | 'onResume'> = {}): Promise<ImportRun> {
    const controller = new AbortController();
    const run = await this.imports.start(request, { ...callbacks, signal: controller.signal });
    const { counts } = run.record;
    const session = { at: this.clock.now(), read: counts.read ?? 0, bytesDone: counts.bytesDone ?? 0 };
    const done = run.done.finally(() => this.running.delete(run.record.id));
    this.running.set(run.record.id, { controller, done: done.catch(() => undefined), session });
    return { ...run, done };
  }

  /** Where this process's run of an import started, for its rate (undefined when not running here). */
  sessionOf(id: number): SessionMark | undefined {
    return this.running.get(id)?.session;
  }

  /** Before the database closes: each import stops after its current chunk and records 'interrupted'. */
  async onModuleDestroy(): Promise<void> {
    for (const run of this.running.values()) run.controller.abort();
    // An import past its grace is not waited for: the shutdown goes on, the import ends interrupted.
    await pTimeout(Promise.all([...this.running.values()].map((r) => r.done)), SHUTDOWN_GRACE_MS, () => undefined);
  }

  /** Files for the API come from IMPORT_DIR only: an admin token must not read the server's disk. */
  private insideImportDir(location: string): string {
    const root = resolve(this.env.importDir);
    const path = resolve(root, location);
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel))
      throw AppError.badRequest('import_outside_dir', `imports read files inside IMPORT_DIR (${root}) only`);
    return path;
  }
}
