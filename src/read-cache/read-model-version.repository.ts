import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/**
 * The version of everything the public read API answers from: the `read_model_version` sequence,
 * advanced by a statement-level trigger on every write to those tables (migration
 * 20261203400000). Read on the pool directly: it runs before every cached read, and is one index-free
 * row. A sequence moves at nextval, i.e. possibly before the writer commits; an answer computed in
 * that gap is kept under the new version until `maxAgeMs` at the latest.
 */
const READ_VERSION = {
  name: 'read-model-version',
  text: `SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS version FROM read_model_version`,
};

@Injectable()
export class ReadModelVersionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async current(): Promise<string> {
    const { rows } = await this.prisma.pool.query<{ version: string }>(READ_VERSION);
    return rows[0]!.version;
  }
}
