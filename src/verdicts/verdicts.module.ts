import { Module } from '@nestjs/common';
import { ResolutionController, VerdictController } from './verdict.controller';
import { VerdictRepository } from './verdict.repository';
import { VerdictService } from './verdict.service';

@Module({
  controllers: [VerdictController, ResolutionController],
  providers: [VerdictRepository, VerdictService],
  exports: [VerdictService],
})
export class VerdictsModule {}
