import { Inject, Injectable } from '@nestjs/common';
import { foundOr404 } from '../common/app-error';
import { Page, paginate } from '../common/pagination';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { atomFeedUrl, digestLinks, trimSlash } from './digest-links';
import { DigestRepository, StoredDigest } from './digest.repository';
import { renderAtomFeed } from './renderers/atom';
import { renderHtml } from './renderers/html';
import { renderMarkdown } from './renderers/markdown';

export const DIGEST_FORMATS = ['json', 'md', 'html'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export type RenderedDigest =
  { format: 'json'; digest: StoredDigest } | { format: 'md' | 'html'; contentType: string; body: string };

/** Digests in the Atom feed; readers only need the recent ones. */
const ATOM_ENTRIES = 20;

/** Reads stored digests and renders them; rendering is from stored content, never recomputed. */
@Injectable()
export class DigestService {
  constructor(
    private readonly digests: DigestRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  /** Newest first, one page after the cursor (the API's list and the archive page). */
  /** Digests newest first, for the API and the archive page alike. */
  page(cursor: string | undefined, limit: number): Promise<Page<StoredDigest>> {
    return paginate({
      cursor,
      limit,
      shape: { periodStart: 'date' } as const,
      fetch: (after, take) => this.digests.list(after ? new Date(after.periodStart) : undefined, take),
      position: (d) => ({ periodStart: d.periodStart.toISOString() }),
      view: (d) => d,
    });
  }

  async latest(): Promise<StoredDigest> {
    const digest = foundOr404(await this.digests.findLatest(), 'digest', 'latest');
    return digest;
  }

  async get(id: number): Promise<StoredDigest> {
    const digest = foundOr404(await this.digests.findById(id), 'digest', id);
    return digest;
  }

  render(digest: StoredDigest, format: DigestFormat): RenderedDigest {
    if (format === 'md')
      return { format, contentType: 'text/markdown; charset=utf-8', body: renderMarkdown(digest.content) };
    if (format === 'html') return { format, contentType: 'text/html; charset=utf-8', body: renderHtml(digest.content) };
    return { format, digest };
  }

  async atomFeed(): Promise<string> {
    const recent = await this.digests.list(undefined, ATOM_ENTRIES);
    const base = this.env.publicBaseUrl;
    return renderAtomFeed(recent, {
      selfUrl: atomFeedUrl(base),
      siteUrl: `${trimSlash(base)}/`,
      entryUrl: (d) => digestLinks(base, d.id).html,
    });
  }
}
