import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { MetricsService } from '../metrics/metrics.service';
import { afterFailure } from './delivery-policy';
import { ClaimedDelivery, DeliveryRepository } from './delivery.repository';
import { DigestMailer } from './digest-mailer';
import { digestLinks } from './digest-links';
import { DeliveryDestination, DigestRepository, StoredDigest, TxClient } from './digest.repository';
import { renderHtml } from './renderers/html';
import { renderPlainText } from './renderers/plain-text';
import { digestHeadline } from './renderers/render-helpers';
import { WebhookSender } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';
import { WebhookRepository } from './webhook.repository';

export interface DeliveryRunSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Claimed at a time; each batch is sent in parallel, so one slow receiver delays only its batch. */
const CLAIM_BATCH = 10;

/** A failure no retry can fix (destination gone); the delivery is marked failed at once. */
class PermanentDeliveryError extends Error {}

/** Sends claimed deliveries and records each outcome; one bad destination never stops the rest. */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly digests: DigestRepository,
    private readonly webhooks: WebhookRepository,
    private readonly webhookSender: WebhookSender,
    private readonly mailer: DigestMailer,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly metrics: MetricsService,
  ) {}

  /** Every active webhook, and every DIGEST_EMAIL_TO address when SMTP_URL is set. */
  async destinations(tx: TxClient): Promise<DeliveryDestination[]> {
    const urls = await this.webhooks.activeUrls(tx);
    return [
      ...urls.map((target) => ({ channel: 'webhook' as const, target })),
      ...this.mailer.recipients.map((target) => ({ channel: 'email' as const, target })),
    ];
  }

  /** Sends everything due until nothing is left; failures are rescheduled, so they are not re-claimed in this run. */
  async deliverDue(signal?: AbortSignal): Promise<DeliveryRunSummary> {
    const summary: DeliveryRunSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    const cache = new Map<number, Promise<StoredDigest | null>>();
    while (!signal?.aborted) {
      const batch = await this.deliveries.claimDue(CLAIM_BATCH);
      if (batch.length === 0) break;
      const outcomes = await Promise.all(batch.map((d) => this.attempt(d, cache)));
      summary.attempted += batch.length;
      batch.forEach((delivery, i) => this.metrics.digestDelivered(delivery.channel, outcomes[i]!));
      for (const outcome of outcomes) summary[outcome] += 1;
    }
    return summary;
  }

  private async attempt(
    delivery: ClaimedDelivery,
    cache: Map<number, Promise<StoredDigest | null>>,
  ): Promise<'delivered' | 'retrying' | 'failed'> {
    try {
      if (!cache.has(delivery.digestId)) cache.set(delivery.digestId, this.digests.findById(delivery.digestId));
      const digest = await cache.get(delivery.digestId)!;
      if (!digest) throw new PermanentDeliveryError('the digest no longer exists');
      await this.send(delivery, digest);
      await this.deliveries.markDelivered(delivery.id);
      return 'delivered';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next =
        error instanceof PermanentDeliveryError
          ? { status: 'failed' as const, delayMs: 0 }
          : afterFailure(delivery.attempts);
      this.logger.warn(
        `delivery ${delivery.id} (${delivery.channel} ${delivery.target}) attempt ${delivery.attempts} failed: ${message}`,
      );
      await this.deliveries.markFailedAttempt(delivery.id, message, next.status, next.delayMs);
      return next.status === 'failed' ? 'failed' : 'retrying';
    }
  }

  private send(delivery: ClaimedDelivery, digest: StoredDigest): Promise<void> {
    if (delivery.channel === 'webhook') return this.sendWebhook(delivery, digest);
    if (delivery.channel === 'email') return this.sendEmail(delivery, digest);
    throw new PermanentDeliveryError(`unknown channel ${delivery.channel}`);
  }

  private async sendWebhook(delivery: ClaimedDelivery, digest: StoredDigest): Promise<void> {
    const webhook = await this.webhooks.findByUrl(delivery.target);
    // Removed or disabled after the digest was queued: nothing left to sign with, nobody to tell.
    if (!webhook || !webhook.active) throw new PermanentDeliveryError('the webhook was removed');
    const body = JSON.stringify({ digest: digest.content, links: digestLinks(this.env.publicBaseUrl, digest.id) });
    // The process clock, not the injected Clock: the receiver checks this timestamp against its own
    // clock (replay window), so it is when the request leaves, even while a test moves the Clock.
    await this.webhookSender.post(webhook.url, body, {
      ...signatureHeaders(webhook.secret, body, Math.floor(Date.now() / 1000)),
      'x-scorecard-delivery': String(delivery.id),
    });
  }

  private async sendEmail(delivery: ClaimedDelivery, digest: StoredDigest): Promise<void> {
    if (!this.mailer.enabled) throw new Error('SMTP_URL is no longer set');
    const links = digestLinks(this.env.publicBaseUrl, digest.id);
    await this.mailer.send({
      to: delivery.target,
      subject: digestHeadline(digest.content),
      html: renderHtml(digest.content),
      text: `${renderPlainText(digest.content)}\n\nOn the web: ${links.html}\n`,
    });
  }
}
