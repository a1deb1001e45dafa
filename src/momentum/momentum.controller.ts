import { ReadCacheInterceptor } from '../read-cache/read-cache.interceptor';
import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MomentumResponseDto, ScorecardDto } from './momentum-response.dto';
import { momentumView, MomentumQueryDto, scorecardEntryView } from './momentum.dto';
import { MomentumService } from './momentum.service';

@ApiTags('momentum')
@Controller('api')
export class MomentumController {
  constructor(private readonly momentum: MomentumService) {}

  @Get('trends/:key/momentum')
  @UseInterceptors(ReadCacheInterceptor)
  @ApiOperation({ summary: "A prediction's momentum per period (see README: Momentum)" })
  @ApiOkResponse({
    type: MomentumResponseDto,
    description:
      '{ trend, interval, asOf, from, to, series: [...], momentum: { score, direction, test: { reason, window, evidenceCount, rateRatio, rateRatioInterval, pValue, windowChange, mannKendall, ... }, drivers: [evidence], change, balance } } (README: Momentum)',
  })
  async forTrend(@Param('key') key: string, @Query() query: MomentumQueryDto) {
    return momentumView(await this.momentum.forTrend(key, query));
  }

  @Get('scorecard')
  @UseInterceptors(ReadCacheInterceptor)
  @ApiOkResponse({ type: ScorecardDto })
  @ApiOperation({
    summary: 'All ten predictions: momentum, evidence totals in the window, strongest recent accepted evidence',
  })
  async scorecard(@Query() query: MomentumQueryDto) {
    const entries = await this.momentum.scorecard(query);
    const first = entries[0];
    return {
      asOf: first?.window.asOf.toISOString() ?? null,
      interval: first?.window.interval ?? null,
      data: entries.map(scorecardEntryView),
      nextCursor: null,
    };
  }
}
