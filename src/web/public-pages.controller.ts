import { Clock } from '../common/clock';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { IdPipe } from '../common/id';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { periodLabel } from '../digests/renderers/render-helpers';
import { digestSummaryView } from '../digests/digest.dto';
import { DigestService } from '../digests/digest.service';
import { EvidenceService } from '../evidence/evidence.service';
import { PublicEvidenceDto } from '../evidence/public-evidence.dto';
import { momentumView, scorecardEntryView } from '../momentum/momentum.dto';
import { MomentumService } from '../momentum/momentum.service';
import { TrendDto } from '../trends/trend.dto';
import { TrendService } from '../trends/trend.service';
import { scorecardCards } from './scorecard-page.model';
import { trendPage } from './trend-page.model';
import { pageHref } from './web-href';
import { DigestsPageQuery, PageLangQuery, ScorecardPageQuery, TrendPageQuery } from './web-query.dto';
import { pageLanguage, sendPage } from './web-response';
import { WebViews } from './web-views';

const EVIDENCE_PER_PAGE = 20;
const PIN_CANDIDATES = 10;

/**
 * The public pages. Each reads the same services as the API and turns them into the API's own
 * views first (scorecardEntryView, momentumView, PublicEvidenceDto), so a page cannot show a
 * number the API would not.
 */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly momentum: MomentumService,
    private readonly trends: TrendService,
    private readonly evidence: EvidenceService,
    private readonly digests: DigestService,
    private readonly views: WebViews,
    private readonly clock: Clock,
  ) {}

  @Get()
  async scorecard(@Query() query: ScorecardPageQuery, @Req() req: Request, @Res() res: Response) {
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t('scorecard.title'), 'scorecard');
    const now = this.clock.now();
    const [entries, trends] = await Promise.all([
      this.momentum.scorecard({ asOf: query.asOf }, now),
      this.trends.list(),
    ]);
    const cards = scorecardCards(
      entries.map((e) => ({ view: scorecardEntryView(e), shares: e.series.map((p) => p.share) })),
      trends,
      lang,
      frame.t,
      now,
    );
    const asOf = entries[0]?.window.asOf.toISOString().slice(0, 10) ?? '';
    sendPage(res, this.views.render('scorecard', { ...frame, atom: true }, { cards, asOf }), 'public');
  }

  @Get('trends/:key')
  async trend(@Param('key') key: string, @Query() query: TrendPageQuery, @Req() req: Request, @Res() res: Response) {
    const lang = pageLanguage(req, res);
    const { lang: _lang, asOf, ...filters } = query;
    const [trend, momentum, page, strongest] = await Promise.all([
      this.trends.get(key),
      this.momentum.forTrend(key, { interval: 'week', asOf }),
      this.evidence.acceptedFor(key, { ...filters, limit: filters.limit ?? EVIDENCE_PER_PAGE }),
      this.evidence.acceptedFor(key, { sort: 'score', limit: PIN_CANDIDATES }),
    ]);
    const frame = this.views.frame(lang, req.originalUrl, () => '', 'scorecard');
    const model = trendPage(
      {
        trend: TrendDto.from(trend),
        momentum: momentumView(momentum),
        evidence: page.data.map(PublicEvidenceDto.from),
        strongest: strongest.data.map(PublicEvidenceDto.from),
      },
      lang,
      frame.t,
    );
    const base = `/trends/${encodeURIComponent(trend.slug)}`;
    const nextHref = page.nextCursor ? pageHref(base, { ...filters, cursor: page.nextCursor }) : null;
    const firstHref = filters.cursor ? pageHref(base, { ...filters, cursor: undefined }) : null;
    frame.title = `${model.number}. ${model.title}`;
    sendPage(res, this.views.render('trend', frame, { page: model, filters, nextHref, firstHref }), 'public');
  }

  @Get('digests')
  async digestList(@Query() query: DigestsPageQuery, @Req() req: Request, @Res() res: Response) {
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t('digests.title'), 'digests');
    const page = await this.digests.page(query.cursor, query.limit ?? 50);
    const digests = page.data.map((d) => ({ ...digestSummaryView(d), period: periodLabel(digestSummaryView(d)) }));
    const nextHref = page.nextCursor ? pageHref('/digests', { cursor: page.nextCursor }) : null;
    sendPage(res, this.views.render('digests', { ...frame, atom: true }, { digests, nextHref }), 'public');
  }

  @Get('digests/:id')
  async digest(
    @Param('id', IdPipe) id: number,
    @Query() _query: PageLangQuery,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = pageLanguage(req, res);
    const digest = digestSummaryView(await this.digests.get(id));
    const period = periodLabel(digest);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t('digests.period', { period }), 'digests');
    const htmlUrl = `/api/digests/${digest.id}?format=html`;
    sendPage(res, this.views.render('digest', { ...frame, atom: true }, { digest, period, htmlUrl }), 'public');
  }
}
