/**
 * The evidence model shipped with the project: trained by `npm run model:ship`
 * (ship-model.cli.ts) from the shipped training data, committed under prisma/seed/model/, and
 * stored as version 1 on a fresh database's first tagging run, so that run needs no training.
 * When the file is missing (a checkout that removed it) the service trains the same model instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../common/project-root';
import type { EvidenceModel } from './evidence-model';
import { decodeModel, encodeModel } from './model-codec';

const FOLDER = 'prisma/seed/model';
const META = 'evidence-model.json';
const WEIGHTS = 'evidence-model.weights.bin';

interface ShippedMeta {
  trends: string[];
  bias: number[];
  dimensions: number;
  trainingIds: string[];
}

export function loadShippedModel(root = projectRoot()): EvidenceModel | null {
  const metaFile = join(root, FOLDER, META);
  if (!existsSync(metaFile)) return null;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ShippedMeta;
  const weights = readFileSync(join(root, FOLDER, WEIGHTS));
  return decodeModel({ trends: meta.trends, bias: meta.bias, dimensions: meta.dimensions, weights }, meta.trainingIds);
}

export function writeShippedModel(model: EvidenceModel, root = projectRoot()): void {
  const stored = encodeModel(model);
  const meta: ShippedMeta = {
    trends: stored.trends,
    bias: stored.bias,
    dimensions: stored.dimensions,
    trainingIds: model.trainingIds,
  };
  writeFileSync(join(root, FOLDER, META), `${JSON.stringify(meta)}\n`);
  writeFileSync(join(root, FOLDER, WEIGHTS), stored.weights);
}
