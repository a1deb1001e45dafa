import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id';
import { BulkReviewResultDto, EvidenceItemDto, EvidencePageDto } from './evidence.dto';
import { EvidenceQueryDto } from './evidence-query.dto';
import { EvidenceService } from './evidence.service';
import { BulkReviewDto, ManualEvidenceDto, ReviewDto } from './review.dto';
import { ReviewService } from './review.service';

@ApiTags('admin: evidence')
@ApiBearerAuth()
@RequireRole('reviewer')
@Controller('api/admin/evidence')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly reviews: ReviewService,
  ) {}

  @Get()
  @ApiOkResponse({ type: EvidencePageDto, description: 'the review queue, pending by default, best score first' })
  queue(@Query() query: EvidenceQueryDto): Promise<EvidencePageDto> {
    return this.evidence.queue(query);
  }

  @Post()
  @ApiCreatedResponse({ type: EvidenceItemDto, description: 'accepted manual evidence' })
  @ApiConflictResponse({ description: 'the article already has evidence for that prediction (details.evidenceId)' })
  addManual(@Body() body: ManualEvidenceDto, @CurrentPrincipal() by: Principal): Promise<EvidenceItemDto> {
    return this.reviews.addManual(body, by);
  }

  @Post('review')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkReviewResultDto })
  reviewMany(@Body() body: BulkReviewDto, @CurrentPrincipal() by: Principal): Promise<BulkReviewResultDto> {
    return this.reviews.reviewMany(body, by);
  }

  @Get(':id')
  @ApiOkResponse({ type: EvidenceItemDto })
  get(@Param('id', IdPipe) id: number): Promise<EvidenceItemDto> {
    return this.evidence.get(id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceItemDto, description: 'the evidence after the decision' })
  review(
    @Param('id', IdPipe) id: number,
    @Body() body: ReviewDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<EvidenceItemDto> {
    return this.reviews.review(id, body, by);
  }
}
