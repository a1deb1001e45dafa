import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import { ReadCache } from './read-cache';
import { ReadModelVersionRepository } from './read-model-version.repository';

/**
 * Keeps the answers of a public GET route (scorecard, momentum, predictions, track record): they are
 * computed from rollups and cost 3-10 ms of CPU each, and change only when the data or the week
 * does. Errors are never kept (validation runs inside `next.handle()`), nor anything but GET.
 *
 * An answer is kept as its JSON text, serialised once when it is computed: Express's res.json()
 * would stringify the same object again for every request that is served it (the scorecard is
 * ~15 KB). A string is sent as it is, with the JSON content type set here; Express still adds the
 * ETag and answers 304 to a matching If-None-Match.
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ReadCache,
    private readonly versions: ReadModelVersionRepository,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!this.cache.enabled || request.method !== 'GET') return next.handle();
    const response = http.getResponse<Response>();
    const recent = this.cache.recent(request.originalUrl);
    if (recent) return of(asJson(response, recent.value as string));
    const version = await this.cache.version(() => this.versions.current());
    const json = this.cache.answer(request.originalUrl, version, async () =>
      JSON.stringify(await lastValueFrom(next.handle())),
    );
    return from(json.then((text) => asJson(response, text as string)));
  }
}

function asJson(response: Response, text: string): string {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  return text;
}
