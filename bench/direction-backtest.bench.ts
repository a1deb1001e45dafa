/**
 * Backtest of the momentum direction (issue 13): simulated weekly series, 1,000 runs per case,
 * the test (src/momentum/trend-test.ts via summariseMomentum) and today's EWMA rule
 * (ewmaDirection) on the same simulated series, same run. Seeded, so a rerun gives the same table.
 *
 * Each run: 24 weeks of history at the base rate, then the case's 12 weeks. Evidence per week is
 * negative binomial (gamma-Poisson, variance μ + μ²/10) around share · volume, volume ~1,000
 * articles a week ±30% (uniform). Each week is a rollup through buildSeries, as the API sees it.
 *
 * Run: npx ts-node --transpile-only bench/direction-backtest.bench.ts (prints the JSON line and a
 * Markdown table on stderr).
 */
import { buildSeries, ewmaDirection, MomentumDirection, summariseMomentum } from '../src/momentum/momentum-math';
import { bucketPeriods } from '../src/momentum/periods';
import { printFiguresOf } from './bench-support';

const RUNS = 1000;
const HISTORY = 24;
const CASE_WEEKS = 12;
const VOLUME = 1000;
const NB_SIZE = 10; // gamma shape: variance μ + μ²/10
const START = new Date('2024-01-01T00:00:00Z'); // a Monday
const PERIODS = bucketPeriods(START, new Date(START.getTime() + (HISTORY + CASE_WEEKS) * 7 * 86_400_000), 'week');

interface Case {
  name: string;
  /** Expected evidence per week at case week w (0..11), and the volume multiplier. */
  rate: (w: number) => number;
  volume?: (w: number) => number;
  /** The right call, and where it is scored. */
  expect: MomentumDirection;
  /** Evidence a week before the case starts (default BASE; flat cases: their rate). */
  base?: number;
  goal?: string;
}

const flat = (r: number): Case => ({ name: `flat ${r}/week`, rate: () => r, expect: 'steady' });
const CASES: Case[] = [
  flat(2),
  { ...flat(5), goal: 'non-steady <= 5%' },
  flat(10),
  flat(20),
  {
    name: 'linear 2x over 12 weeks (5 -> 10)',
    rate: (w) => 5 * (1 + w / 11),
    expect: 'rising',
    goal: 'rising >= 80% by last week',
  },
  { name: 'linear 4x over 12 weeks (5 -> 20)', rate: (w) => 5 * (1 + (3 * w) / 11), expect: 'rising' },
  { name: 'linear 2x over 12 weeks (10 -> 20)', rate: (w) => 10 * (1 + w / 11), base: 10, expect: 'rising' },
  { name: 'step 2x (5 -> 10)', rate: () => 10, expect: 'rising' },
  { name: 'step 3x (5 -> 15)', rate: () => 15, expect: 'rising', goal: 'rising within 4 weeks >= 90%' },
  { name: 'step 3x (10 -> 30)', rate: () => 30, base: 10, expect: 'rising' },
  { name: 'one-week spike 5x (5, week 1: 25)', rate: (w) => (w === 0 ? 25 : 5), expect: 'steady' },
  {
    name: 'volume doubling, constant share (5 -> 10)',
    rate: () => 5,
    volume: (w) => 1 + w / 11,
    expect: 'steady',
    goal: 'steady >= 95% at last week',
  },
];
const BASE = 5;

/** mulberry32: small, seeded, good enough for simulation. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia-Tsang gamma(shape, 1) for shape >= 1. */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(mean: number, random: () => number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function negativeBinomial(mean: number, random: () => number): number {
  return poisson((mean * gamma(NB_SIZE, random)) / NB_SIZE, random);
}

/** One simulated run: weekly evidence counts and volumes over history + case weeks. */
function simulate(c: Case, random: () => number): { evidence: number[]; volume: number[] } {
  const evidence: number[] = [];
  const volume: number[] = [];
  for (let week = 0; week < HISTORY + CASE_WEEKS; week++) {
    const w = week - HISTORY;
    const volumeFactor = w < 0 ? 1 : (c.volume?.(w) ?? 1);
    const v = Math.round(VOLUME * volumeFactor * (0.7 + 0.6 * random()));
    // rate is per 1,000 articles at the case's volume, so share = rate / VOLUME throughout.
    const mean = (w < 0 ? (c.name.startsWith('flat') ? c.rate(0) : (c.base ?? BASE)) : c.rate(w)) * (v / VOLUME);
    volume.push(v);
    evidence.push(negativeBinomial(mean, random));
  }
  return { evidence, volume };
}

type Rule = 'test' | 'ewma';

/** The direction each rule calls at the end of each case week (weeks 0..11). */
function callsPerWeek(run: { evidence: number[]; volume: number[] }): Record<Rule, MomentumDirection[]> {
  const day = (i: number) => PERIODS[i]!.start.toISOString().slice(0, 10);
  const trendDays = run.evidence.map((count, i) => ({
    day: day(i),
    status: 'accepted' as const,
    stance: 'supports' as const,
    count,
    scoreSum: count,
  }));
  const articleDays = run.volume.map((count, i) => ({ day: day(i), count }));
  const series = buildSeries({ periods: PERIODS, trendDays, articleDays });
  const calls: Record<Rule, MomentumDirection[]> = { test: [], ewma: [] };
  for (let w = 0; w < CASE_WEEKS; w++) {
    const upTo = series.slice(0, HISTORY + w + 1);
    calls.test.push(summariseMomentum(upTo).direction);
    calls.ewma.push(ewmaDirection(upTo));
  }
  return calls;
}

export interface CaseFigures {
  case: string;
  rule: Rule;
  expect: MomentumDirection;
  /** Share of runs calling each direction at the case's last week (flat: over all 12 weeks). */
  rising: number;
  steady: number;
  falling: number;
  /** Runs with a right call by week 4 and by week 12 (rising cases), and the median delay in weeks. */
  rightWithin4: number | null;
  rightBy12: number | null;
  medianDelayWeeks: number | null;
  goal: string | null;
}

function figuresFor(c: Case, rule: Rule, all: MomentumDirection[][]): CaseFigures {
  const flatCase = c.name.startsWith('flat');
  const scored = flatCase ? all.flat() : all.map((weeks) => weeks[CASE_WEEKS - 1]!);
  const share = (d: MomentumDirection) => round(scored.filter((x) => x === d).length / scored.length);
  const delays = all.map((weeks) => weeks.indexOf(c.expect)).filter((i) => i >= 0);
  const isRising = c.expect === 'rising';
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    case: c.name,
    rule,
    expect: c.expect,
    rising: share('rising'),
    steady: share('steady'),
    falling: share('falling'),
    rightWithin4: isRising ? round(delays.filter((d) => d < 4).length / all.length) : null,
    rightBy12: isRising ? round(delays.length / all.length) : null,
    medianDelayWeeks: isRising && sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! + 1 : null,
    goal: c.goal ?? null,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function backtest(runs = RUNS): CaseFigures[] {
  const figures: CaseFigures[] = [];
  CASES.forEach((c, index) => {
    const random = rng(1_000 + index);
    const byRule: Record<Rule, MomentumDirection[][]> = { test: [], ewma: [] };
    for (let r = 0; r < runs; r++) {
      const calls = callsPerWeek(simulate(c, random));
      byRule.test.push(calls.test);
      byRule.ewma.push(calls.ewma);
    }
    figures.push(figuresFor(c, 'test', byRule.test), figuresFor(c, 'ewma', byRule.ewma));
  });
  return figures;
}

export function markdownTable(figures: CaseFigures[]): string {
  const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
  const lines = [
    '| case | rule | rising | steady | falling | right within 4 wk | right by wk 12 | median delay (wk) | goal |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.case} | ${f.rule} | ${pct(f.rising)} | ${pct(f.steady)} | ${pct(f.falling)} | ${pct(f.rightWithin4)} | ${pct(f.rightBy12)} | ${f.medianDelayWeeks ?? ''} | ${f.rule === 'test' ? (f.goal ?? '') : ''} |`,
    );
  }
  return lines.join('\n');
}

export async function run(): Promise<object> {
  const started = performance.now();
  const figures = backtest();
  process.stderr.write(`${markdownTable(figures)}\n`);
  return {
    bench: 'direction-backtest',
    runs: RUNS,
    seconds: round((performance.now() - started) / 1000),
    cases: figures,
  };
}

if (require.main === module) printFiguresOf(run);
