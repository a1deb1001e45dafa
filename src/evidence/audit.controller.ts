import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { AuditPageDto } from './evidence.dto';
import { AuditQueryDto } from './evidence-query.dto';
import { ReviewService } from './review.service';

@ApiTags('admin: evidence')
@ApiBearerAuth()
@RequireRole('reviewer')
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto, description: 'review decisions, newest first' })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.reviews.auditLog(query);
  }
}
