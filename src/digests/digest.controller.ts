import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdPipe } from '../common/id';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { DigestFormatQuery, digestSummaryView, digestView, ListDigestsQuery } from './digest.dto';
import type { StoredDigest } from './digest.repository';
import { DigestService } from './digest.service';

/**
 * Rendered digests carry titles from the web. They are escaped, and this policy is a second
 * line: no scripts, no outside requests, only the inline styles and SVG the page is made of.
 */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

@ApiTags('digests')
@Controller()
export class DigestController {
  constructor(
    private readonly digests: DigestService,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  @Get('api/digests')
  @ApiOperation({
    summary:
      'Digests, newest first: { data: [{ id, periodStart, periodEnd, createdAt, nothingMoved, movers }], nextCursor }',
  })
  async list(@Query() query: ListDigestsQuery) {
    const page = await this.digests.page(query.cursor, query.limit ?? 20);
    return { data: page.data.map(digestSummaryView), nextCursor: page.nextCursor };
  }

  @Get('api/digests/latest')
  @ApiOperation({
    summary: 'The newest digest: JSON, or ?format=md (Markdown) or ?format=html (a self-contained page)',
  })
  @ApiProduces('application/json', 'text/markdown', 'text/html')
  async latest(@Query() query: DigestFormatQuery, @Res({ passthrough: true }) res: Response) {
    return this.respond(await this.digests.latest(), query, res);
  }

  @Get('api/digests/:id')
  @ApiOperation({ summary: 'One digest: JSON, or ?format=md (Markdown) or ?format=html (a self-contained page)' })
  @ApiProduces('application/json', 'text/markdown', 'text/html')
  async get(
    @Param('id', IdPipe) id: number,
    @Query() query: DigestFormatQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(await this.digests.get(id), query, res);
  }

  @Get('digests.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'Atom 1.0 feed of the recent digests' })
  @ApiOkResponse({ description: 'application/atom+xml' })
  atom(): Promise<string> {
    return this.digests.atomFeed();
  }

  private respond(digest: StoredDigest, query: DigestFormatQuery, res: Response) {
    const rendered = this.digests.render(digest, query.format ?? 'json');
    if (rendered.format === 'json') return digestView(rendered.digest, this.env.publicBaseUrl);
    res.setHeader('Content-Type', rendered.contentType);
    if (rendered.format === 'html') res.setHeader('Content-Security-Policy', HTML_CSP);
    return rendered.body;
  }
}
