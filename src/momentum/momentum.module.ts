import { Module } from '@nestjs/common';
import { TrendsModule } from '../trends/trends.module';
import { MomentumController } from './momentum.controller';
import { MomentumRepository } from './momentum.repository';
import { MomentumService } from './momentum.service';

@Module({
  imports: [TrendsModule],
  controllers: [MomentumController],
  providers: [MomentumRepository, MomentumService],
  exports: [MomentumService, MomentumRepository],
})
export class MomentumModule {}
