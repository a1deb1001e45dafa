import { Clock } from '../common/clock';
import { ReadCacheInterceptor } from '../read-cache/read-cache.interceptor';
import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { RESOLUTION_OUTCOMES } from './assessment';
import { monthlyView, ResolutionDto, ResolveDto, verdictFields } from './verdict.dto';
import { parseAsOf, VerdictService } from './verdict.service';

@ApiTags('verdicts')
@Controller('api')
export class VerdictController {
  constructor(
    private readonly verdicts: VerdictService,
    private readonly clock: Clock,
  ) {}

  @Get('track-record')
  @UseInterceptors(ReadCacheInterceptor)
  @ApiOperation({
    summary:
      "The report's record so far: each prediction's status, outcome, days to horizon, monthly interim assessment",
  })
  async trackRecord(@Query('asOf') asOfRaw?: string) {
    const asOf = parseAsOf(asOfRaw, this.clock.now());
    const entries = await this.verdicts.trackRecord(asOf);
    const outcomes = Object.fromEntries(RESOLUTION_OUTCOMES.map((o) => [o, 0])) as Record<string, number>;
    const statuses: Record<string, number> = {};
    for (const { verdict } of entries) {
      statuses[verdict.status] = (statuses[verdict.status] ?? 0) + 1;
      const outcome = verdict.assessment.resolution?.outcome;
      if (outcome) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    return {
      asOf: asOf.toISOString(),
      counts: { outcomes, statuses, resolved: statuses.resolved ?? 0, total: entries.length },
      data: entries.map(({ trend, verdict, monthly }) => ({
        number: trend.number,
        slug: trend.slug,
        ...verdictFields(verdict),
        outcome: verdict.assessment.resolution?.outcome ?? null,
        daysToHorizon: verdict.assessment.daysToHorizon,
        monthly: monthlyView(monthly),
      })),
      nextCursor: null,
    };
  }

  @Get('trends/:key/resolutions')
  @ApiOkResponse({ type: [ResolutionDto], description: 'every resolution of the prediction, oldest first' })
  async history(@Param('key') key: string) {
    return { data: (await this.verdicts.history(key)).map(ResolutionDto.from), nextCursor: null };
  }
}

@ApiTags('admin: verdicts')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/trends')
export class ResolutionController {
  constructor(private readonly verdicts: VerdictService) {}

  @Post(':key/resolutions')
  @ApiCreatedResponse({ type: ResolutionDto, description: 'appended; earlier resolutions stay as history' })
  async resolve(@Param('key') key: string, @Body() body: ResolveDto, @CurrentPrincipal() by: Principal) {
    return ResolutionDto.from(await this.verdicts.resolve(key, body, by.name));
  }
}
