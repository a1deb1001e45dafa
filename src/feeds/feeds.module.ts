import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { DefaultFeedsLoader } from './default-feeds.loader';
import { FeedFetchGateway } from './feed-fetch.gateway';
import { FeedController } from './feed.controller';
import { FeedPreparationPool } from './feed-preparation.pool';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';
import { IngestionService } from './ingestion.service';
import { UrlGuard } from './url-guard';

@Module({
  imports: [ArticlesModule],
  controllers: [FeedController],
  providers: [
    FeedRepository,
    FeedService,
    FeedFetchGateway,
    FeedPreparationPool,
    IngestionService,
    DefaultFeedsLoader,
    UrlGuard,
  ],
  exports: [FeedRepository, FeedService, FeedFetchGateway, IngestionService, DefaultFeedsLoader, UrlGuard],
})
export class FeedsModule {}
