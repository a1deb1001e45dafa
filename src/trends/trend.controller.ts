import { Clock } from '../common/clock';
import { ReadCacheInterceptor } from '../read-cache/read-cache.interceptor';
import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseAsOf, VerdictService } from '../verdicts/verdict.service';
import { TrendDetailDto, TrendDto, TrendListDto } from './trend.dto';
import { TrendService } from './trend.service';

@ApiTags('trends')
@Controller('api/trends')
export class TrendController {
  constructor(
    private readonly trends: TrendService,
    private readonly verdicts: VerdictService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @UseInterceptors(ReadCacheInterceptor)
  @ApiOkResponse({ type: TrendListDto })
  async list(): Promise<TrendListDto> {
    const trends = await this.trends.list();
    return { data: trends.map(TrendDto.from), nextCursor: null };
  }

  @Get(':key')
  @UseInterceptors(ReadCacheInterceptor)
  @ApiOkResponse({ type: TrendDetailDto })
  @ApiQuery({ name: 'asOf', required: false, description: 'the verdict as known at this instant' })
  async get(@Param('key') key: string, @Query('asOf') asOf?: string): Promise<TrendDetailDto> {
    const when = parseAsOf(asOf, this.clock.now());
    const trend = await this.trends.get(key);
    const { verdict } = await this.verdicts.forKey(key, when);
    return TrendDetailDto.withVerdict(trend, verdict);
  }
}
