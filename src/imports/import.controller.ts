import { Clock } from '../common/clock';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { IdPipe } from '../common/id';
import { ID_CURSOR, Page, paginate } from '../common/pagination';
import { ImportRunner } from './import-runner.service';
import { CreateImportDto, ImportDto, ListImportsQuery } from './import.dto';
import { ImportService } from './import.service';

@ApiTags('admin: imports')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/imports')
export class ImportController {
  constructor(
    private readonly runner: ImportRunner,
    private readonly imports: ImportService,
    private readonly clock: Clock,
  ) {}

  /** Starts an import (or resumes the unfinished one of the same input) and answers at once; poll GET for progress. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ImportDto })
  async start(@Body() body: CreateImportDto): Promise<ImportDto & { resumed: boolean }> {
    const { record, resumed } = await this.runner.start({
      location: body.location,
      format: body.format,
      source: body.source ?? null,
      since: body.since ? new Date(body.since) : null,
    });
    return { ...ImportDto.from(record, this.clock.now()), resumed };
  }

  @Get()
  async list(@Query() query: ListImportsQuery): Promise<Page<ImportDto>> {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 50,
      shape: ID_CURSOR,
      fetch: (after, take) => this.imports.list(after?.id, take),
      position: (r) => ({ id: r.id }),
      view: (r) => ImportDto.from(r, this.clock.now(), this.runner.sessionOf(r.id)),
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportDto })
  async get(@Param('id', IdPipe) id: number): Promise<ImportDto> {
    const record = await this.imports.get(id);
    return ImportDto.from(record, this.clock.now(), this.runner.sessionOf(id));
  }
}
