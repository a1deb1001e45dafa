/**
 * What one prediction's page shows, made from the API's own views (TrendDto, momentumView,
 * PublicEvidenceDto) so the page says what the API says. Pure: no Nest, no database.
 */
import { renderTrendChartSvg, TrendChartPin } from '../common/charts/trend-chart-svg';
import { safeHttpUrl } from '../digests/renderers/render-helpers';
import type { PublicEvidenceDto } from '../evidence/public-evidence.dto';
import type { momentumView } from '../momentum/momentum.dto';
import type { TrendDto } from '../trends/trend.dto';
import { intervalOf, readVerdictFields, VerdictFields } from './verdict-fields';
import { formatNumber, formatPercent, formatSigned, hostOf, isoDay } from './web-format';
import type { Lang } from './web-language';
import type { Translate } from './web-messages';

export type MomentumView = ReturnType<typeof momentumView>;

export interface EvidenceLine {
  id: number;
  title: string;
  url: string | null;
  stance: string;
  stanceWord: string;
  score: string;
  source: string;
  day: string;
  terms: string[];
  cues: string[];
  reason: string | null;
  marker: string | null;
}

export interface TrendPage {
  number: number;
  slug: string;
  title: string;
  otherTitle: string;
  summary: string;
  otherSummary: string;
  otherLang: Lang;
  horizon: string | null;
  direction: string;
  directionWords: string;
  testWords: string | null;
  assessmentWords: string | null;
  status: string | null;
  verdict: VerdictFields;
  chartSvg: string;
  pins: EvidenceLine[];
  evidence: EvidenceLine[];
}

const MAX_PINS = 5;

export function trendPage(
  input: { trend: TrendDto; momentum: MomentumView; evidence: PublicEvidenceDto[]; strongest: PublicEvidenceDto[] },
  lang: Lang,
  t: Translate,
): TrendPage {
  const { trend, momentum } = input;
  const verdict = readVerdictFields(trend as object, momentum.momentum);
  const pinned = pinsFor(input.strongest, momentum.series);
  const markers = new Map(pinned.map((p, i) => [p.evidence.id, String(i + 1)]));
  const line = (e: PublicEvidenceDto) => evidenceLine(e, t, markers.get(e.id) ?? null);
  return {
    number: trend.number,
    slug: trend.slug,
    title: lang === 'zh' ? trend.titleZh : trend.titleEn,
    otherTitle: lang === 'zh' ? trend.titleEn : trend.titleZh,
    summary: lang === 'zh' ? trend.summaryZh : trend.summaryEn,
    otherSummary: lang === 'zh' ? trend.summaryEn : trend.summaryZh,
    otherLang: lang === 'zh' ? 'en' : 'zh',
    horizon: verdict.horizon ?? trend.horizon,
    direction: momentum.momentum.direction,
    directionWords: directionWords(momentum, t),
    testWords: testWords(momentum.momentum.direction, verdict, t),
    assessmentWords: assessmentWords(verdict, t),
    status: verdict.status ? t(`status.${verdict.status}` as never) : null,
    verdict,
    chartSvg: chartSvg(momentum, pinned, t),
    pins: pinned.map((p) => line(p.evidence)),
    evidence: input.evidence.map(line),
  };
}

function directionWords(view: MomentumView, t: Translate): string {
  const m = view.momentum;
  return t('trend.directionWords', {
    direction: t(`direction.${m.direction}`),
    score: formatSigned(m.score),
    change: formatSigned(m.change),
    share: formatPercent(m.share),
    balance: formatSigned(m.balance),
  });
}

/**
 * The numbers of the test that made the call (the level test's when it alone did, else the
 * slope's), when the API gives them (verdicts work); else null.
 */
function testWords(direction: string, verdict: VerdictFields, t: Translate): string | null {
  const test = verdict.momentumTest;
  if (!test || typeof test.rateRatio !== 'number') return null;
  const level = test.firedBy === 'level' && test.level && typeof test.level.rateRatio === 'number' ? test.level : null;
  const shown = level ?? test;
  const [low, high] = intervalOf(shown.rateRatioInterval) ?? [NaN, NaN];
  const numbers = {
    direction: t(`direction.${direction}` as never),
    ratio: formatNumber(shown.rateRatio, 2),
    low: formatNumber(low, 2),
    high: formatNumber(high, 2),
    confidence: formatPercent(shown.confidence, 1),
    p: formatNumber(shown.pValue, 3),
  };
  if (level) {
    return t('trend.levelTestWords', {
      ...numbers,
      window: String(level.recent?.periods ?? '—'),
      baseline: String(level.baseline?.periods ?? '—'),
      count: String(level.recentCount ?? '—'),
    });
  }
  return t('trend.testWords', {
    ...numbers,
    window: String(test.window?.periods ?? '—'),
    count: String(test.evidenceCount ?? '—'),
  });
}

function assessmentWords(verdict: VerdictFields, t: Translate): string | null {
  const a = verdict.assessment;
  if (!a || typeof a.supportShare !== 'number') return null;
  const [low, high] = intervalOf(a.supportInterval) ?? [NaN, NaN];
  return t('trend.assessmentWords', {
    share: formatPercent(a.supportShare, 0),
    low: formatPercent(low, 0),
    high: formatPercent(high, 0),
    count: String(a.accepted ?? '—'),
    sources: String(a.distinctSources ?? '—'),
  });
}

/** The strongest items whose publication falls in a week of the chart, strongest first. */
function pinsFor(strongest: PublicEvidenceDto[], series: MomentumView['series']) {
  const pins: { evidence: PublicEvidenceDto; week: number }[] = [];
  for (const evidence of strongest) {
    const at = Date.parse(evidence.article.publishedAt);
    const week = series.findIndex((p) => at >= Date.parse(p.periodStart) && at < Date.parse(p.periodEnd));
    if (week >= 0) pins.push({ evidence, week });
    if (pins.length === MAX_PINS) break;
  }
  return pins;
}

function chartSvg(view: MomentumView, pins: { evidence: PublicEvidenceDto; week: number }[], t: Translate): string {
  const weeks = view.series.map((p) => ({
    label: isoDay(p.periodStart) ?? '',
    supportingShare: p.supportingShare,
    contradictingShare: p.contradictingShare,
    articles: p.articles,
  }));
  const chartPins: TrendChartPin[] = pins.map((p, i) => ({
    week: p.week,
    marker: String(i + 1),
    stance: p.evidence.stance === 'contradicts' ? 'contradicts' : 'supports',
    title: p.evidence.article.title,
  }));
  return renderTrendChartSvg(weeks, chartPins, {
    label: t('trend.chartLabel'),
    captions: {
      supporting: t('trend.chartSupporting'),
      contradicting: t('trend.chartContradicting'),
      volume: t('trend.chartVolume'),
    },
  });
}

function evidenceLine(e: PublicEvidenceDto, t: Translate, marker: string | null): EvidenceLine {
  const feeds = e.article.feeds.map((f) => f.title).filter((title): title is string => Boolean(title));
  return {
    id: e.id,
    title: e.article.title,
    url: safeHttpUrl(e.article.url),
    stance: e.stance,
    stanceWord: t(`stance.${e.stance}` as never),
    score: formatNumber(e.score),
    source: feeds.join(', ') || hostOf(e.article.url) || '—',
    day: isoDay(e.article.publishedAt) ?? '',
    terms: e.matchedTerms,
    cues: e.matchedCues,
    reason: e.reason,
    marker,
  };
}
