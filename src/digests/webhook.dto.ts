import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsId } from '../common/id';
import type { Delivery, Webhook } from '../generated/prisma/client';
import { PageQuery } from '../common/page-query.dto';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/scorecard' })
  @IsString()
  @Length(1, 2048)
  url!: string;

  @ApiPropertyOptional({
    description: 'HMAC-SHA256 key for X-Scorecard-Signature; generated (and shown once) when omitted',
  })
  @IsOptional()
  @IsString()
  @Length(8, 256)
  secret?: string;
}

export class ListWebhooksQuery extends PageQuery(500) {}

export class ListDeliveriesQuery extends PageQuery(500) {
  @ApiPropertyOptional({ description: 'only deliveries of this digest' }) @IsOptional() @IsId() digestId?: number;
  @ApiPropertyOptional({ enum: ['pending', 'sending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'sending', 'delivered', 'failed'])
  status?: string;
}

/** The secret never leaves the service after creation. */
export function webhookView(w: Webhook) {
  return { id: w.id, url: w.url, active: w.active, createdAt: w.createdAt.toISOString() };
}

export function deliveryView(d: Delivery) {
  return {
    id: d.id,
    digestId: d.digestId,
    channel: d.channel,
    target: d.target,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'pending' || d.status === 'sending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
