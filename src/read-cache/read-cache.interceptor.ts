import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import { ReadCache } from './read-cache';
import { ReadModelVersionRepository } from './read-model-version.repository';

/**
 * Keeps the answers of a public GET route (scorecard, momentum, predictions, track record): they are
 * computed from rollups and cost 3-10 ms of CPU each, and change only when the data or the week
 * does. Errors are never kept (validation runs inside `next.handle()`), nor anything but GET.
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ReadCache,
    private readonly versions: ReadModelVersionRepository,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!this.cache.enabled || request.method !== 'GET') return next.handle();
    const recent = this.cache.recent(request.originalUrl);
    if (recent) return of(recent.value);
    const version = await this.cache.version(() => this.versions.current());
    return from(this.cache.answer(request.originalUrl, version, () => lastValueFrom(next.handle())));
  }
}
