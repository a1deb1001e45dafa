import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { READ_VERSION } from './read-model-version.sql';

/**
 * The version of everything the public read API answers from: the `read_model_version` sequence,
 * advanced by a statement-level trigger on every write to those tables (migration
 * 20261203400000). Read on the pool directly: it runs before every cached read, and is one index-free
 * row. A sequence moves at nextval, i.e. possibly before the writer commits; an answer computed in
 * that gap is kept under the new version until `maxAgeMs` at the latest.
 */
@Injectable()
export class ReadModelVersionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async current(): Promise<string> {
    const { rows } = await this.prisma.pool.query<{ version: string }>(READ_VERSION);
    return rows[0]!.version;
  }
}
