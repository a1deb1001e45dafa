import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { FeedWithCounts } from './feed.repository';
import { PageQuery } from '../common/page-query.dto';

export class CreateFeedDto {
  @ApiProperty({ example: 'https://example.com/ai/rss.xml' })
  @IsString()
  @Length(1, 2048)
  url!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ example: 'zh' }) @IsOptional() @IsString() @MaxLength(35) language?: string;
}

export class UpdateFeedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(35) language?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() paused?: boolean;
}

export class ListFeedsQuery extends PageQuery(500) {}

export class DeleteFeedQuery {
  @ApiPropertyOptional({ description: 'also delete the articles that no other feed has delivered' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  removeArticles?: boolean;
}

export class FeedDto {
  @ApiProperty() id!: number;
  @ApiProperty() url!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) siteUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ description: 'articles this feed has delivered' }) articleCount!: number;
  @ApiProperty({ description: 'new items stored from this feed, counted at each fetch' }) itemsSeen!: number;
  @ApiProperty({ description: 'failed fetches, ever' }) errorCount!: number;
  @ApiProperty() consecutiveErrors!: number;
  @ApiProperty({ nullable: true, type: String, description: 'null when the last fetch succeeded' }) lastError!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) lastErrorCode!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatus!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastFetchedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt!: string | null;
  @ApiProperty() nextCheckAt!: string;
  @ApiProperty({ description: 'current polling interval' }) intervalSeconds!: number;
  @ApiProperty() createdAt!: string;

  static from(feed: FeedWithCounts): FeedDto {
    return {
      id: feed.id,
      url: feed.url,
      title: feed.title,
      siteUrl: feed.siteUrl,
      language: feed.language,
      paused: feed.paused,
      articleCount: feed.articleCount,
      itemsSeen: feed.itemsSeen,
      errorCount: feed.errorCount,
      consecutiveErrors: feed.consecutiveErrors,
      lastError: feed.lastError,
      lastErrorCode: feed.lastErrorCode,
      lastStatus: feed.lastStatus,
      lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
      lastSuccessAt: feed.lastSuccessAt?.toISOString() ?? null,
      nextCheckAt: feed.nextCheckAt.toISOString(),
      intervalSeconds: feed.intervalSeconds,
      createdAt: feed.createdAt.toISOString(),
    };
  }
}

export class OpmlImportReportDto {
  @ApiProperty({ type: [FeedDto] }) added!: FeedDto[];
  @ApiProperty({ description: 'already present' }) skipped!: { url: string; reason: string }[];
  @ApiProperty({ description: 'refused, with why' }) refused!: { url: string; reason: string }[];
}

export class FeedRemovalDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '{ feed: 1, articles, evidence }: what was deleted' })
  removed!: { feed: number; articles: number; evidence: number };
  @ApiProperty({ description: 'audit entries about deleted evidence, kept with a snapshot in `subject`' })
  auditEntriesKept!: number;
}
