import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * `?cursor=&limit=` for a list endpoint, with that list's own ceiling on `limit`. A query DTO
 * extends `PageQuery(max)` and adds its filters.
 */
export function PageQuery(maxLimit: number) {
  class PageQueryDto {
    @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
    @IsOptional()
    @IsString()
    @MaxLength(500)
    cursor?: string;

    @ApiPropertyOptional({ minimum: 1, maximum: maxLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit?: number;
  }
  return PageQueryDto;
}
