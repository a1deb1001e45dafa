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
import {
  buildSeries,
  ewmaDirection,
  MomentumDirection,
  SeriesPoint,
  summariseMomentum,
  toTestPoint,
} from '../src/momentum/momentum-math';
import { LevelTestParameters, testLevelChange } from '../src/momentum/level-test';
import { RAMP_TEST_PARAMETERS, RampTestParameters, testRamp } from '../src/momentum/ramp-test';
import { DIRECTION_TEST_PARAMETERS, DirectionTestParameters, testDirection } from '../src/momentum/trend-test';
import { bucketPeriods } from '../src/momentum/periods';
import { printFiguresOf } from './bench-support';

/**
 * Knobs to iterate fast; the tables in docs/momentum.md are the defaults (1,000 runs, every case and rule).
 * DIRECTION_BACKTEST_RUNS: runs per case. DIRECTION_BACKTEST_CASES: comma-separated substrings of
 * case names (`goals`: the four goal cases and the spike). DIRECTION_BACKTEST_RULES: comma-separated
 * substrings of rule names (`main`: the shipped test and the EWMA rule only).
 */
const RUNS = Number(process.env.DIRECTION_BACKTEST_RUNS ?? 1000);
const CASE_FILTER = process.env.DIRECTION_BACKTEST_CASES;
const RULE_FILTER = process.env.DIRECTION_BACKTEST_RULES;
/**
 * Seeds are SEED + case index. The table in the docs is seed 1000; another seed (e.g.
 * DIRECTION_BACKTEST_SEED=5000) is a fresh sample of the same model, to see which figures are noise.
 */
const SEED = Number(process.env.DIRECTION_BACKTEST_SEED ?? 1000);
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

/** A rule maps the series up to a week (history included) to its call at that week. */
export interface Rule {
  name: string;
  call: (series: readonly SeriesPoint[]) => MomentumDirection;
}

/** The rule before this change (until 2026-12-04): slope and level test at 2.5% each, no ramp confirmation. */
const BEFORE: DirectionTestParameters = { ...DIRECTION_TEST_PARAMETERS, confidence: 0.975, rampConfirmation: null };
const slopeOnly = { ...BEFORE, level: null };
const level = DIRECTION_TEST_PARAMETERS.level!;
/** The level test before 2026-12-03: a 16-week baseline, the worst recent week always left out (at 80%). */
const levelBefore: LevelTestParameters = { ...level, baselinePeriods: 16, outlierAlpha: null };
const confirmation = DIRECTION_TEST_PARAMETERS.rampConfirmation!;
const byTest = (parameters: DirectionTestParameters) => (series: readonly SeriesPoint[]) =>
  testDirection(series.map(toTestPoint), parameters).direction;
const byLevel = (parameters: LevelTestParameters) => (series: readonly SeriesPoint[]) =>
  testLevelChange(series.map(toTestPoint), parameters).direction;

/** Two calls combined as testDirection combines its tests: the one that is not steady, steady when they disagree. */
function either(...calls: MomentumDirection[]): MomentumDirection {
  const made = calls.filter((d) => d !== 'steady');
  return made.length > 0 && made.every((d) => d === made[0]) ? made[0]! : 'steady';
}

/** The ramp test and the (shipped) level test, combined as testDirection combines the slope and the level test. */
const byRampAndLevel =
  (ramp: Partial<RampTestParameters>, levelParameters: Partial<LevelTestParameters> = {}) =>
  (series: readonly SeriesPoint[]) => {
    const points = series.map(toTestPoint);
    return either(
      testRamp(points, { ...RAMP_TEST_PARAMETERS, ...ramp }).direction,
      testLevelChange(points, { ...level, ...levelParameters }).direction,
    );
  };

/** The series as it was `weeks` weeks ago (each weekly evaluation sees only the data up to it). */
const weeksAgo = (series: readonly SeriesPoint[], weeks: number) => series.slice(0, series.length - weeks);

/**
 * Persistence: the level test at `confidence` calls the same direction in at least k of the last m
 * weekly evaluations, this week's included.
 */
const persistentLevel = (k: number, m: number, confidence: number) => (series: readonly SeriesPoint[]) => {
  const calls = Array.from({ length: m }, (_, j) => byLevel({ ...level, confidence })(weeksAgo(series, j)));
  const now = calls[0]!;
  return now !== 'steady' && calls.filter((d) => d === now).length >= k ? now : 'steady';
};

/**
 * Hysteresis: the rule before this change, and a call it made is kept while the level test at 80%
 * still calls that direction (the evidence has not clearly fallen back); the state is rebuilt from
 * HOLD weeks back, so a call is kept at most that long after the rule stopped making it.
 */
const HOLD = 4;
function withHysteresis(series: readonly SeriesPoint[]): MomentumDirection {
  let call: MomentumDirection = 'steady';
  for (let j = HOLD; j >= 0; j--) {
    const upTo = weeksAgo(series, j);
    const made = byTest(BEFORE)(upTo);
    if (made !== 'steady') call = made;
    else if (call !== 'steady' && byLevel({ ...level, confidence: 0.8 })(upTo) !== call) call = 'steady';
  }
  return call;
}

/**
 * Per-test confidence at which two tests are 5% together (two-sided) under the null, by the
 * bivariate normal at the correlation of their contrasts (36 equal weeks; docs/momentum.md): slope
 * and level 0.72 -> 2.97% each, ramp and level 0.87 -> 3.38% each (Bonferroni: 2.5%).
 */
const SLOPE_LEVEL_JOINT = 1 - 0.0297;
const RAMP_LEVEL_JOINT = 1 - 0.0338;
const nbLevel = { ...level, variance: 'negative-binomial' as const };

/** The shipped test, the test before this change and the EWMA rule: the table docs/momentum.md and the README show. */
export const MAIN_RULES: Rule[] = [
  { name: 'test', call: (series) => summariseMomentum(series).direction },
  { name: 'test before', call: byTest(BEFORE) },
  { name: 'ewma', call: ewmaDirection },
];

/** What each part of the test costs or buys: the same test with one part off, or one test alone. */
export const ABLATION_RULES: Rule[] = [
  {
    name: 'test of 2026-11 (16-week baseline, worst week out at 80%)',
    call: byTest({ ...BEFORE, level: levelBefore }),
  },
  { name: 'slope test alone', call: byTest(slopeOnly) },
  { name: 'slope alone, no leave-worst-out', call: byTest({ ...slopeOnly, leaveWorstOut: false }) },
  { name: 'slope alone, no Mann-Kendall', call: byTest({ ...slopeOnly, rankTest: false }) },
  { name: 'slope alone, neither guard', call: byTest({ ...slopeOnly, leaveWorstOut: false, rankTest: false }) },
  { name: 'level test alone', call: byLevel(level) },
  { name: 'level alone, 16-week baseline', call: byLevel({ ...level, baselinePeriods: 16 }) },
  { name: 'level alone, worst week always out at 80% (before)', call: byLevel({ ...level, outlierAlpha: null }) },
  {
    name: 'level alone, no leave-out',
    call: byLevel({ ...level, outlierAlpha: null, leaveWorstOutConfidence: null }),
  },
  {
    name: 'level alone, no gap (28 weeks just before)',
    call: byLevel({ ...level, gapPeriods: 0, baselinePeriods: 28 }),
  },
  { name: 'level alone at 5% (the whole budget)', call: byLevel({ ...level, confidence: 0.95 }) },
  {
    name: 'both at 2.97% (5% together, correlation 0.72)',
    call: byTest({
      ...BEFORE,
      confidence: SLOPE_LEVEL_JOINT,
      level: { ...level, confidence: SLOPE_LEVEL_JOINT },
    }),
  },
  {
    name: 'both, split 1% slope / 4% level',
    call: byTest({ ...BEFORE, confidence: 0.99, level: { ...level, confidence: 0.96 } }),
  },
  { name: 'both, slope with the outlier rule too', call: byTest({ ...BEFORE, outlierAlpha: 0.05 }) },
  { name: 'ramp test alone', call: (series) => testRamp(series.map(toTestPoint)).direction },
  { name: 'ramp + level, 2.5% each', call: byRampAndLevel({}) },
  {
    name: 'ramp + level at 3.38% (5% together, correlation 0.87)',
    call: byRampAndLevel({ confidence: RAMP_LEVEL_JOINT }, { confidence: RAMP_LEVEL_JOINT }),
  },
  { name: 'ramp + level, Mann-Kendall on the ramp', call: byRampAndLevel({ mannKendallAlpha: 0.05 }) },
  // This change (2026-12-04): the rule shipped, with one part changed.
  {
    name: 'test, no ramp confirmation (slope 1%, level 2.5%)',
    call: byTest({ ...DIRECTION_TEST_PARAMETERS, rampConfirmation: null }),
  },
  { name: 'test, slope at 2.5%', call: byTest({ ...DIRECTION_TEST_PARAMETERS, confidence: 0.975 }) },
  {
    name: 'test, ramp confirming at 2.5%',
    call: byTest({ ...DIRECTION_TEST_PARAMETERS, rampConfirmation: { ...confirmation, ramp: RAMP_TEST_PARAMETERS } }),
  },
  {
    name: 'test, level confirmed at 7.5%',
    call: byTest({ ...DIRECTION_TEST_PARAMETERS, rampConfirmation: { ...confirmation, levelConfidence: 0.925 } }),
  },
  {
    name: 'test, ramp confirming with Mann-Kendall (5%)',
    call: byTest({
      ...DIRECTION_TEST_PARAMETERS,
      rampConfirmation: { ...confirmation, ramp: { ...confirmation.ramp, mannKendallAlpha: 0.05 } },
    }),
  },
  // Persistence and hysteresis (each weekly evaluation uses only the data up to that week).
  {
    name: 'before, or level at 5% in each of the last 2 weeks',
    call: (series) => either(byTest(BEFORE)(series), persistentLevel(2, 2, 0.95)(series)),
  },
  {
    name: 'before, or level at 5% in 2 of the last 3 weeks (this one included)',
    call: (series) => either(byTest(BEFORE)(series), persistentLevel(2, 3, 0.95)(series)),
  },
  {
    name: 'before, or level at 7.5% in each of the last 3 weeks',
    call: (series) => either(byTest(BEFORE)(series), persistentLevel(3, 3, 0.925)(series)),
  },
  {
    name: 'slope, and level at 7.5% in each of the last 2 weeks instead of the level test',
    call: (series) => either(byTest(slopeOnly)(series), persistentLevel(2, 2, 0.925)(series)),
  },
  { name: 'before, with hysteresis (kept while the level test at 80% holds)', call: withHysteresis },
  // A variance fitted per series: negative binomial, θ by the method of moments (quasi-poisson.ts).
  { name: 'level alone, negative-binomial variance', call: byLevel(nbLevel) },
  { name: 'level alone at 5%, negative-binomial variance', call: byLevel({ ...nbLevel, confidence: 0.95 }) },
  { name: 'before, negative-binomial level test', call: byTest({ ...BEFORE, level: nbLevel }) },
  { name: 'ramp + level, Mann-Kendall (10%) on the ramp', call: byRampAndLevel({ mannKendallAlpha: 0.1 }) },
];

/**
 * The quiet flat end-to-end series (tests/e2e/momentum-direction.e2e.spec.ts: Poisson(4),
 * seeded, 60 articles a week for 26 weeks after 24 weeks without news, pending evidence): how many
 * of its 5 weekly points (the last 5 weeks) a rule calls steady; the spec needs at least 4. Every
 * row has the same weight, so the fits see what the end-to-end test's do, up to scale.
 */
function quietFlatSeries(): SeriesPoint[] {
  const weeks = 26;
  let a = 13;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const draws = Array.from({ length: weeks }, () => {
    let k = 0;
    for (let p = random(); p > Math.exp(-4); p *= random()) k++;
    return k;
  });
  const periods = bucketPeriods(START, new Date(START.getTime() + (HISTORY + weeks) * 7 * 86_400_000), 'week');
  const day = (i: number) => periods[HISTORY + i]!.start.toISOString().slice(0, 10);
  return buildSeries({
    periods,
    trendDays: draws.map((count, i) => ({
      day: day(i),
      status: 'pending' as const,
      stance: 'supports' as const,
      count,
      scoreSum: count,
    })),
    articleDays: draws.map((_, i) => ({ day: day(i), count: 60 })),
  });
}

export function quietFlatSteady(rule: Rule): number {
  const series = quietFlatSeries();
  return Array.from({ length: 5 }, (_, back) => rule.call(weeksAgo(series, back))).filter((d) => d === 'steady').length;
}

/** The direction each rule calls at the end of each case week (weeks 0..11). */
function callsPerWeek(run: { evidence: number[]; volume: number[] }, rules: readonly Rule[]): MomentumDirection[][] {
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
  const calls = rules.map((): MomentumDirection[] => []);
  for (let w = 0; w < CASE_WEEKS; w++) {
    const upTo = series.slice(0, HISTORY + w + 1);
    rules.forEach((rule, i) => calls[i]!.push(rule.call(upTo)));
  }
  return calls;
}

export interface CaseFigures {
  case: string;
  rule: string;
  expect: MomentumDirection;
  /** Share of runs calling each direction at the case's last week (flat: over all 12 weeks). */
  rising: number;
  steady: number;
  falling: number;
  /** Runs with a right call by week 4 and by week 12 (rising cases), and the median delay in weeks. */
  rightWithin4: number | null;
  rightBy12: number | null;
  medianDelayWeeks: number | null;
  /** Mean number of the 12 case weeks called rising (how long a spike is called rising), and runs ever called rising. */
  risingWeeks: number;
  everRising: number;
  goal: string | null;
}

function figuresFor(c: Case, rule: string, all: MomentumDirection[][]): CaseFigures {
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
    risingWeeks: round(all.reduce((sum, weeks) => sum + weeks.filter((d) => d === 'rising').length, 0) / all.length),
    everRising: round(all.filter((weeks) => weeks.includes('rising')).length / all.length),
    goal: c.goal ?? null,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function selected(name: string, filter: string | undefined, goals: boolean): boolean {
  if (!filter) return true;
  return filter.split(',').some((part) => (part === 'goals' || part === 'main' ? goals : name.includes(part)));
}

export function backtest(rules: readonly Rule[] = MAIN_RULES, runs = RUNS): CaseFigures[] {
  const figures: CaseFigures[] = [];
  CASES.forEach((c, index) => {
    // The seed stays SEED + the case's index in CASES, so a filtered run repeats the full run's figures.
    if (!selected(c.name, CASE_FILTER, c.goal !== undefined || c.name.startsWith('one-week'))) return;
    const random = rng(SEED + index);
    const byRule = rules.map((): MomentumDirection[][] => []);
    for (let r = 0; r < runs; r++) {
      callsPerWeek(simulate(c, random), rules).forEach((calls, i) => byRule[i]!.push(calls));
    }
    rules.forEach((rule, i) => figures.push(figuresFor(c, rule.name, byRule[i]!)));
  });
  return figures;
}

/** A case left out by DIRECTION_BACKTEST_CASES: NaN prints as such in the goal table. */
const EMPTY_FIGURES = {
  steady: NaN,
  rising: NaN,
  rightBy12: NaN,
  rightWithin4: NaN,
  risingWeeks: NaN,
  everRising: NaN,
};

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

export function markdownTable(figures: CaseFigures[]): string {
  const lines = [
    '| case | rule | rising | steady | falling | right within 4 wk | right by wk 12 | median delay (wk) | weeks called rising (of 12) | goal |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.case} | ${f.rule} | ${pct(f.rising)} | ${pct(f.steady)} | ${pct(f.falling)} | ${pct(f.rightWithin4)} | ${pct(f.rightBy12)} | ${f.medianDelayWeeks ?? ''} | ${f.risingWeeks.toFixed(2)} | ${f.rule === 'test' ? (f.goal ?? '') : ''} |`,
    );
  }
  return lines.join('\n');
}

/** The four goals (and the spike) per rule, one row each: what each part of the test costs or buys. */
export function goalTable(figures: CaseFigures[], quietFlat: ReadonlyMap<string, number> = new Map()): string {
  const find = (rule: string, name: string) =>
    figures.find((f) => f.rule === rule && f.case.startsWith(name)) ?? EMPTY_FIGURES;
  const lines = [
    '| rule | flat 5/wk non-steady (<= 5%) | volume doubling steady (>= 95%) | linear 2x rising at wk 12 / by wk 12 (>= 80%) | step 3x rising within 4 wk (>= 90%) | spike: weeks called rising (runs ever) | quiet flat e2e series steady (>= 4 of 5) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const rule of [...new Set(figures.map((f) => f.rule))]) {
    const linear = find(rule, 'linear 2x over 12 weeks (5');
    const spike = find(rule, 'one-week');
    lines.push(
      `| ${rule} | ${pct(1 - find(rule, 'flat 5/').steady)} | ${pct(find(rule, 'volume').steady)} | ${pct(linear.rising)} / ${pct(linear.rightBy12)} | ${pct(find(rule, 'step 3x (5').rightWithin4)} | ${spike.risingWeeks.toFixed(2)} (${pct(spike.everRising)}) | ${quietFlat.get(rule) ?? ''} |`,
    );
  }
  return lines.join('\n');
}

export async function run(): Promise<object> {
  const started = performance.now();
  const rules = [...MAIN_RULES, ...ABLATION_RULES].filter((r) => selected(r.name, RULE_FILTER, MAIN_RULES.includes(r)));
  const figures = backtest(rules);
  const quietFlat = new Map(rules.map((r) => [r.name, quietFlatSteady(r)]));
  const main = figures.filter((f) => MAIN_RULES.some((r) => r.name === f.rule));
  process.stderr.write(`${markdownTable(main)}\n\n${goalTable(figures, quietFlat)}\n`);
  return {
    bench: 'direction-backtest',
    runs: RUNS,
    seed: SEED,
    caseFilter: CASE_FILTER ?? null,
    ruleFilter: RULE_FILTER ?? null,
    seconds: round((performance.now() - started) / 1000),
    quietFlatSteady: Object.fromEntries(quietFlat),
    cases: figures,
  };
}

if (require.main === module) printFiguresOf(run);
