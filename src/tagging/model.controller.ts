import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { EvidenceModelRepository } from './evidence-model.repository';
import { ModelService } from './model.service';
import { taggingQuality } from './tagging-quality';

/** Terms decided at least this often are judged; below this precision they are suggested for review. */
const QUALITY_OPTIONS = { minDecisions: 3, precisionFloor: 0.5 };

@ApiTags('admin: rules')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/tagging')
export class ModelController {
  constructor(
    private readonly models: ModelService,
    private readonly repository: EvidenceModelRepository,
  ) {}

  /** The evidence model's versions, newest first; the current one is the newest not rolled back. */
  @Get('model')
  async versions() {
    const versions = await this.models.versions();
    const current = versions.find((v) => v.rolledBackAt === null)?.version ?? null;
    return {
      data: versions.map((v) => ({
        ...v,
        trainedAt: v.trainedAt.toISOString(),
        rolledBackAt: v.rolledBackAt?.toISOString() ?? null,
      })),
      current,
      nextCursor: null,
    };
  }

  /** Rolls back to the previous version (409 no_previous_model when there is none). */
  @Post('model/rollback')
  @HttpCode(200)
  rollBack() {
    return this.models.rollBack();
  }

  /** Precision reviewers observed per prediction and source, rejection leaders, calibration, suggested edits. */
  @Get('quality')
  async quality() {
    return taggingQuality(await this.repository.decidedEvidence(), QUALITY_OPTIONS);
  }
}
