import { Module } from '@nestjs/common';
import { TrendsModule } from '../trends/trends.module';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { PublicEvidenceController } from './public-evidence.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

/** The review queue, decisions, manual evidence, the audit log, and the public list of accepted evidence. Exports the repository for tagging and the services for the web pages. */
@Module({
  imports: [TrendsModule],
  controllers: [EvidenceController, AuditController, PublicEvidenceController],
  providers: [EvidenceRepository, ReviewRepository, AuditRepository, EvidenceService, ReviewService],
  exports: [EvidenceRepository, EvidenceService, ReviewService],
})
export class EvidenceModule {}
