import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { digestLinks } from './digest-links';
import { DIGEST_FORMATS, DigestFormat } from './digest.service';
import type { StoredDigest } from './digest.repository';
import { PageQuery } from '../common/page-query.dto';

export class DigestFormatQuery {
  @ApiPropertyOptional({ enum: DIGEST_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(DIGEST_FORMATS, { message: `format must be one of ${DIGEST_FORMATS.join(', ')}` })
  format?: DigestFormat;
}

export class ListDigestsQuery extends PageQuery(100) {}

/** One line of the list: enough to pick a digest without loading its content. */
export function digestSummaryView(d: StoredDigest) {
  return {
    id: d.id,
    periodStart: d.periodStart.toISOString(),
    periodEnd: d.periodEnd.toISOString(),
    createdAt: d.createdAt.toISOString(),
    /** Built on request for a past period (build-digest --period), not on schedule. */
    requested: d.requested,
    nothingMoved: d.content.nothingMoved,
    movers: d.content.movers,
  };
}

/** The stored content at the top level, with the digest's id and its addresses. */
export function digestView(d: StoredDigest, publicBaseUrl: string) {
  return {
    id: d.id,
    createdAt: d.createdAt.toISOString(),
    requested: d.requested,
    links: digestLinks(publicBaseUrl, d.id),
    ...d.content,
  };
}
