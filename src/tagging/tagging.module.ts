import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { TrendsModule } from '../trends/trends.module';
import { MatcherService } from './matcher.service';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';
import { TaggingController } from './tagging.controller';
import { TaggingRepository } from './tagging.repository';
import { TaggingService } from './tagging.service';
import { EvidenceModelRepository } from './evidence-model.repository';
import { ModelService } from './model.service';
import { ModelController } from './model.controller';

@Module({
  imports: [TrendsModule, EvidenceModule],
  controllers: [RulesController, TaggingController, ModelController],
  providers: [MatcherService, TaggingRepository, TaggingService, RulesService, EvidenceModelRepository, ModelService],
  exports: [TaggingService, ModelService],
})
export class TaggingModule {}
