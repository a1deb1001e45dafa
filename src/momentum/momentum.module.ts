import { Module } from '@nestjs/common';
import { MomentumController } from './momentum.controller';
import { MomentumRepository } from './momentum.repository';
import { MomentumService } from './momentum.service';

@Module({
  controllers: [MomentumController],
  providers: [MomentumRepository, MomentumService],
  exports: [MomentumService, MomentumRepository],
})
export class MomentumModule {}
