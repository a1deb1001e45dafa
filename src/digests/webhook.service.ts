import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError, foundOr404 } from '../common/app-error';
import type { Webhook } from '../generated/prisma/client';
import { UrlGuard } from '../feeds/url-guard';
import { WebhookRepository } from './webhook.repository';

@Injectable()
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly urlGuard: UrlGuard,
  ) {}

  /** Registers a receiver after the same URL and SSRF checks as feeds; 409 when the URL is taken. */
  async create(input: { url: string; secret?: string }): Promise<{ webhook: Webhook; generatedSecret: string | null }> {
    const url = await this.urlGuard.checkForStorage(input.url, 'webhook');
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
}
