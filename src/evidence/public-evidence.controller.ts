import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EvidenceService } from './evidence.service';
import { PublicEvidenceDto, PublicEvidencePageDto, PublicEvidenceQueryDto } from './public-evidence.dto';

@ApiTags('evidence')
@Controller('api/trends')
export class PublicEvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get(':key/evidence')
  @ApiOperation({ summary: "A prediction's accepted evidence, newest first (or strongest with sort=score)" })
  @ApiOkResponse({ type: PublicEvidencePageDto })
  async list(@Param('key') key: string, @Query() query: PublicEvidenceQueryDto): Promise<PublicEvidencePageDto> {
    const page = await this.evidence.acceptedFor(key, query);
    return { data: page.data.map(PublicEvidenceDto.from), nextCursor: page.nextCursor };
  }
}
