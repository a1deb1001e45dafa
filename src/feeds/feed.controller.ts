import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RequireRole } from '../auth/admin.guard';
import { AppError } from '../common/app-error';
import { IdPipe } from '../common/id';
import { ID_CURSOR, Page, paginate } from '../common/pagination';
import {
  CreateFeedDto,
  DeleteFeedQuery,
  FeedDto,
  FeedRemovalDto,
  ListFeedsQuery,
  OpmlImportReportDto,
  UpdateFeedDto,
} from './feed.dto';
import { FeedService } from './feed.service';

@ApiTags('admin: feeds')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Post()
  @ApiCreatedResponse({ type: FeedDto })
  async add(@Body() body: CreateFeedDto): Promise<FeedDto> {
    return FeedDto.from(await this.feeds.add(body));
  }

  @Get()
  async list(@Query() query: ListFeedsQuery): Promise<Page<FeedDto>> {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 100,
      shape: ID_CURSOR,
      fetch: (after, take) => this.feeds.list(after?.id, take),
      position: (f) => ({ id: f.id }),
      view: FeedDto.from,
    });
  }

  /** OPML body as XML (text/xml, application/xml, text/x-opml) or JSON `{ "opml": "<opml ...>" }`. */
  @Post('opml')
  @HttpCode(200)
  @ApiConsumes('text/xml', 'application/json')
  @ApiBody({ schema: { type: 'string', description: 'an OPML document' } })
  @ApiOkResponse({ type: OpmlImportReportDto })
  async importOpml(@Req() req: Request): Promise<OpmlImportReportDto> {
    const body: unknown = req.body;
    const text =
      typeof body === 'string'
        ? body
        : typeof (body as { opml?: unknown })?.opml === 'string'
          ? (body as { opml: string }).opml
          : null;
    if (!text)
      throw AppError.badRequest(
        'invalid_opml',
        'send the OPML document as the body (Content-Type: text/xml) or as {"opml": "..."}',
      );
    const report = await this.feeds.importOpml(text);
    return { ...report, added: report.added.map(FeedDto.from) };
  }

  @Get('opml')
  @Header('Content-Type', 'text/x-opml; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="feeds.opml"')
  exportOpml(): Promise<string> {
    return this.feeds.exportOpml();
  }

  @Get(':id')
  async get(@Param('id', IdPipe) id: number): Promise<FeedDto> {
    return FeedDto.from(await this.feeds.get(id));
  }

  @Patch(':id')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateFeedDto): Promise<FeedDto> {
    return FeedDto.from(await this.feeds.update(id, body));
  }

  @Post(':id/pause')
  @HttpCode(200)
  async pause(@Param('id', IdPipe) id: number): Promise<FeedDto> {
    return FeedDto.from(await this.feeds.update(id, { paused: true }));
  }

  @Post(':id/resume')
  @HttpCode(200)
  async resume(@Param('id', IdPipe) id: number): Promise<FeedDto> {
    return FeedDto.from(await this.feeds.update(id, { paused: false }));
  }

  /** Answers what went with the feed; reviewers' audit entries always stay (with a snapshot of what they were about). */
  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: FeedRemovalDto })
  async remove(@Param('id', IdPipe) id: number, @Query() query: DeleteFeedQuery): Promise<FeedRemovalDto> {
    const removed = await this.feeds.remove(id, query.removeArticles ?? false);
    return {
      id,
      removed: { feed: 1, articles: removed.articles, evidence: removed.evidence },
      auditEntriesKept: removed.auditEntriesKept,
    };
  }
}
