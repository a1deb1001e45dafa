import { Module } from '@nestjs/common';
import { VerdictsModule } from '../verdicts/verdicts.module';
import { TrendController } from './trend.controller';
import { TrendRepository } from './trend.repository';
import { TrendSeeder } from './trend-seeder';
import { TrendService } from './trend.service';

@Module({
  imports: [VerdictsModule],
  controllers: [TrendController],
  providers: [TrendRepository, TrendService, TrendSeeder],
  exports: [TrendRepository, TrendService, TrendSeeder],
})
export class TrendsModule {}
