import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { RulesService, RulesView } from './rules.service';

function view({ trend, current }: RulesView) {
  return {
    trend: { number: trend.number, slug: trend.slug },
    version: current?.version ?? 0,
    source: current?.source ?? null,
    createdAt: current?.createdAt.toISOString() ?? null,
    rules: current?.rules ?? null,
  };
}

/**
 * Rule sets are edited as whole JSON documents (format in src/tagging/rule-set.types.ts); a
 * PUT makes a new version and re-tags stored articles in the background (the `retag` job).
 */
@ApiTags('admin: rules')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/trends/:key/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  async get(@Param('key') key: string) {
    return view(await this.rules.get(key));
  }

  @Put()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['format', 'threshold', 'terms', 'exclusions', 'stanceCues'],
      properties: {
        format: { type: 'integer', enum: [1] },
        description: { type: 'string' },
        threshold: { type: 'number' },
        terms: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              text: { type: 'string' },
              weight: { type: 'number' },
              requires: { type: 'array', items: { type: 'string' } },
            },
          },
        },
        exclusions: { type: 'array', items: { type: 'string' } },
        stanceCues: { type: 'array', items: { type: 'string' } },
      },
    },
  })
  async put(@Param('key') key: string, @Body() body: unknown) {
    return view(await this.rules.replace(key, body));
  }
}
