import { Module } from '@nestjs/common';
import { TrendController } from './trend.controller';
import { TrendRepository } from './trend.repository';
import { TrendSeeder } from './trend-seeder';
import { TrendService } from './trend.service';

@Module({
  controllers: [TrendController],
  providers: [TrendRepository, TrendService, TrendSeeder],
  exports: [TrendRepository, TrendService, TrendSeeder],
})
export class TrendsModule {}
