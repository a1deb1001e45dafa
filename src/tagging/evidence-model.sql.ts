import type { QueryConfig } from 'pg';
import type { NewModelVersion } from './evidence-model.repository';

/**
 * The two statements that carry a model's weights (a ~3.5 MB bytea), on PrismaService.pool:
 * through Prisma, storing and reading them raised a process's resident memory by ~100 MB that it
 * kept (the import CLI on a fresh database: 190 -> 290 MB), through the pool by ~50 MB (most of
 * it the read's 7 MB of hex text), and every process that tags reads a model and a fresh database
 * stores one. The rest of a version's row stays with Prisma. Not prepared by name: each runs once
 * per model version.
 */

const MODEL_WEIGHTS = `SELECT weights FROM evidence_models WHERE version = $1`;

export const modelWeightsStatement = (version: number): QueryConfig => ({ text: MODEL_WEIGHTS, values: [version] });

/** A new version; no row back when that number was taken (another instance stored it first). */
const INSERT_MODEL = `
  INSERT INTO evidence_models (version, training_size, decisions_used, metrics, trends, bias, dimensions, weights)
  VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8)
  ON CONFLICT (version) DO NOTHING
  RETURNING version`;

/** The statement and its values in the order the text numbers them. */
export function insertModelStatement(m: NewModelVersion & { version: number }): QueryConfig {
  return {
    text: INSERT_MODEL,
    values: [
      m.version,
      m.trainingSize,
      m.decisionsUsed,
      JSON.stringify(m.metrics),
      JSON.stringify(m.trends),
      JSON.stringify(m.bias),
      m.dimensions,
      m.weights,
    ],
  };
}
