/**
 * The evidence model on one core: training on 10,000 reviewer decisions (plus the shipped
 * labelled sets), and scoring articles (features, all twenty outputs, proposals). Corpus: the
 * development labelled headlines, varied per copy so no two articles are the same text.
 * Figures over wall time and over process CPU time (valid on a shared machine; see tagging.bench.ts).
 *
 * Run: npx ts-node --transpile-only bench/model.bench.ts  (prints one JSON line)
 */
import { loadavg } from 'os';
import { SEED_RULES } from '../prisma/seed/rules';
import { ModelTrainingItem, proposeEvidence, trainEvidenceModel } from '../src/tagging/evidence-model';
import { loadShippedTrainingItems } from '../src/tagging/shipped-training-data';
import { DEFAULT_PROPOSAL_THRESHOLD } from '../src/tagging/model-settings';
import { printFiguresOf } from './bench-support';

const DECISIONS = 10_000;
const SCORED = 50_000;
const trends = Object.keys(SEED_RULES);
const shipped = loadShippedTrainingItems();

function timed<T>(work: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = work();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Decisions as reviewers make them: one prediction each, accepted (either stance) or rejected. */
function decisions(): ModelTrainingItem[] {
  return Array.from({ length: DECISIONS }, (_, i) => {
    const source = shipped[i % shipped.length]!;
    const trend = trends[i % trends.length]!;
    const accepted = i % 3 !== 0;
    return {
      id: `article:${i}`,
      title: `${source.title} #${i}`,
      summary: source.summary,
      positives: accepted ? [{ trend, stance: i % 2 === 0 ? 'supports' : 'contradicts' }] : [],
      negativeTrends: accepted ? [] : [trend],
      allKnown: false,
    };
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const items = [...shipped, ...decisions()];
  const training = timed(() => trainEvidenceModel(trends, items));
  const articles = Array.from({ length: SCORED }, (_, i) => {
    const source = shipped[i % shipped.length]!;
    return { title: `${source.title} (${i})`, summary: source.summary };
  });
  const none = new Set<string>();
  let proposals = 0;
  const scoring = timed(() => {
    for (const article of articles)
      proposals += proposeEvidence(training.result, article, none, DEFAULT_PROPOSAL_THRESHOLD).length;
  });
  return {
    bench: 'model',
    trainingItems: items.length,
    decisions: DECISIONS,
    trainingWallMs: Math.round(training.wallMs),
    trainingCpuMs: Math.round(training.cpuMs),
    scored: SCORED,
    articlesPerSec: Math.round(SCORED / (scoring.wallMs / 1000)),
    cpuArticlesPerSec: Math.round(SCORED / (scoring.cpuMs / 1000)),
    proposalsPerArticle: Math.round((proposals / SCORED) * 1000) / 1000,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

if (require.main === module) printFiguresOf(run);
