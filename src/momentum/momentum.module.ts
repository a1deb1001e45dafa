import { Module } from '@nestjs/common';
import { VerdictsModule } from '../verdicts/verdicts.module';
import { MomentumController } from './momentum.controller';
import { MomentumRepository } from './momentum.repository';
import { MomentumService } from './momentum.service';

@Module({
  imports: [VerdictsModule],
  controllers: [MomentumController],
  providers: [MomentumRepository, MomentumService],
  exports: [MomentumService, MomentumRepository],
})
export class MomentumModule {}
