import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { DefaultFeedsService } from './default-feeds.service';
import { FeedController } from './feed.controller';
import { FeedPreparationService } from './feed-preparation.service';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';
import { IngestionService } from './ingestion.service';
import { UrlGuard } from './url-guard';

@Module({
  imports: [ArticlesModule],
  controllers: [FeedController],
  providers: [FeedRepository, FeedService, FeedPreparationService, IngestionService, DefaultFeedsService, UrlGuard],
  exports: [FeedRepository, FeedService, IngestionService, DefaultFeedsService, UrlGuard],
})
export class FeedsModule {}
