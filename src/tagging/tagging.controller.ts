import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireRole } from '../auth/admin.guard';
import { TaggingService } from './tagging.service';

class PreviewDto {
  @ApiProperty() @IsString() @MaxLength(2000) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) summary?: string;
}

@ApiTags('admin: rules')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/tagging')
export class TaggingController {
  constructor(private readonly tagging: TaggingService) {}

  /** What the current rules would tag for this text, and why; nothing is stored. */
  @Post('preview')
  @HttpCode(200)
  async preview(@Body() body: PreviewDto) {
    const matches = await this.tagging.preview(body);
    return {
      data: matches.map((m) => ({
        trend: m.trendSlug,
        ruleVersion: m.ruleVersion,
        score: m.score,
        stance: m.stance,
        matchedTerms: m.matchedTerms,
        stanceCues: m.stanceCues,
        reason: m.reason,
      })),
      nextCursor: null,
    };
  }
}
