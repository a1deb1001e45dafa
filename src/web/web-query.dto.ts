import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/page-query.dto';
import { EvidenceQueryDto } from '../evidence/evidence-query.dto';
import { PublicEvidenceQueryDto } from '../evidence/public-evidence.dto';
import { LANGUAGES, Lang } from './web-language';

/**
 * Query strings of the pages: the API's own filters plus `lang`. They go through the same
 * validation pipe as the API, so a bad value answers the same 400 with a stable code.
 */
export class PageLangQuery {
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[])
  lang?: Lang;
}

/** The scorecard as the API would have answered at `asOf` (same parameter as /api/scorecard). */
export class ScorecardPageQuery extends PageLangQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

export class DigestsPageQuery extends PageQuery(100) {
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[])
  lang?: Lang;
}

export class TrendPageQuery extends PublicEvidenceQueryDto {
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[])
  lang?: Lang;

  /** The chart and direction as of this instant (as the momentum API's `asOf`). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

export const REVIEW_VIEWS = ['one', 'list'] as const;

export class ReviewPageQuery extends EvidenceQueryDto {
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[])
  lang?: Lang;

  @IsOptional()
  @IsIn(REVIEW_VIEWS as unknown as string[])
  view?: (typeof REVIEW_VIEWS)[number];

  /** Position in the page, for one item at a time. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  i?: number;

  /** A flash message after a decision: which item was decided ("12") or undone ("u12"), or how many ("n3"). */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  done?: string;
}
