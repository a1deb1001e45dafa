import { Module } from '@nestjs/common';
import { FeedsModule } from '../feeds/feeds.module';
import { MomentumModule } from '../momentum/momentum.module';
import { DeliveryController } from './delivery.controller';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryService } from './delivery.service';
import { DigestBuildService } from './digest-build.service';
import { DigestEvidenceRepository } from './digest-evidence.repository';
import { DigestMailer } from './digest-mailer';

import { DigestController } from './digest.controller';
import { DigestRepository } from './digest.repository';
import { DigestService } from './digest.service';
import { WebhookSender } from './webhook-sender';
import { WebhookController } from './webhook.controller';
import { WebhookRepository } from './webhook.repository';
import { WebhookService } from './webhook.service';

@Module({
  imports: [MomentumModule, FeedsModule],
  controllers: [DigestController, WebhookController, DeliveryController],
  providers: [
    DigestRepository,
    DigestEvidenceRepository,
    DigestService,
    DigestBuildService,
    DeliveryRepository,
    DeliveryService,
    DigestMailer,
    WebhookRepository,
    WebhookService,
    WebhookSender,
  ],
  exports: [DigestBuildService, DeliveryService, DigestService],
})
export class DigestsModule {}
