import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireRole } from '../src/auth/admin.guard';
import { ID_CURSOR, Page, paginate } from '../src/common/pagination';
import type { JobRun } from '../src/generated/prisma/client';
import { JobRunner } from './job-runner.service';
import type { JobParams } from './job.types';
import { PageQuery } from '../src/common/page-query.dto';

class RunJobBody {
  @ApiPropertyOptional({
    description:
      'named string parameters of the job; only build-digest takes any: { period: week|month, date | from } (README: Importing history)',
    example: { period: 'week', from: '2024-07-01' },
  })
  @IsOptional()
  @IsObject()
  params?: JobParams;
}

class ListRunsQuery extends PageQuery(200) {
  @ApiPropertyOptional({ description: 'only runs of this job' }) @IsOptional() @IsString() @MaxLength(100) job?: string;
}

function runView(run: JobRun) {
  return {
    id: run.id,
    job: run.job,
    trigger: run.trigger,
    instance: run.instance,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    summary: run.summary,
    error: run.error,
  };
}

@ApiTags('admin: jobs')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/jobs')
export class JobsController {
  constructor(private readonly runner: JobRunner) {}

  @Get()
  list(): { data: { name: string }[]; nextCursor: null } {
    return { data: this.runner.names().map((name) => ({ name })), nextCursor: null };
  }

  /** Runs the job now and answers when it has finished, with its summary. */
  @Post(':name/run')
  @HttpCode(200)
  async run(@Param('name') name: string, @Body() body: RunJobBody) {
    const { run, summary } = await this.runner.runNow(name, 'api', body?.params ?? {});
    return { ...runView(run), summary };
  }

  @Get('runs')
  async runs(@Query() query: ListRunsQuery): Promise<Page<ReturnType<typeof runView>>> {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 50,
      shape: ID_CURSOR,
      fetch: (after, take) => this.runner.listRuns({ job: query.job, beforeId: after?.id, limit: take }),
      position: (r) => ({ id: r.id }),
      view: runView,
    });
  }
}
