import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError, foundOr404 } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import type { Webhook } from '../generated/prisma/client';
import { FeedError } from '../feeds/feed-errors';
import { assertFeedUrlAllowed } from '../feeds/ssrf-guard';
import { WebhookRepository } from './webhook.repository';

@Injectable()
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  /** Registers a receiver after the same URL and SSRF checks as feeds; 409 when the URL is taken. */
  async create(input: { url: string; secret?: string }): Promise<{ webhook: Webhook; generatedSecret: string | null }> {
    const url = await this.checkedUrl(input.url.trim());
    if (await this.webhooks.findByUrl(url))
      throw AppError.conflict('webhook_exists', `a webhook for ${url} already exists`);
    const generatedSecret = input.secret === undefined ? randomBytes(32).toString('base64url') : null;
    const webhook = await this.webhooks.create(url, input.secret ?? generatedSecret!);
    return { webhook, generatedSecret };
  }

  list(afterId: number | undefined, limit: number): Promise<Webhook[]> {
    return this.webhooks.list(afterId, limit);
  }

  /** Deliveries already queued for it end as failed ("the webhook was removed") on their next attempt. */
  async remove(id: number): Promise<void> {
    foundOr404(await this.webhooks.findById(id), 'webhook', id);
    await this.webhooks.delete(id);
  }

  private async checkedUrl(raw: string): Promise<string> {
    try {
      return (await assertFeedUrlAllowed(raw, this.env.feedAllowPrivateNetworks)).toString();
    } catch (error) {
      // As for feeds: a name that does not resolve now is kept; every send checks it again.
      if (error instanceof FeedError && error.code === 'dns-failure') return new URL(raw).toString();
      if (error instanceof FeedError) {
        throw AppError.badRequest(
          error.code === 'blocked-address' ? 'webhook_url_blocked' : 'invalid_webhook_url',
          error.message,
        );
      }
      throw error;
    }
  }
}
