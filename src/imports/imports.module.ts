import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { FeedsModule } from '../feeds/feeds.module';
import { TaggingModule } from '../tagging/tagging.module';
import { ImportRunner } from './import-runner.service';
import { ImportController } from './import.controller';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

@Module({
  imports: [ArticlesModule, FeedsModule, TaggingModule],
  controllers: [ImportController],
  providers: [ImportRepository, ImportService, ImportRunner],
  exports: [ImportService],
})
export class ImportsModule {}
