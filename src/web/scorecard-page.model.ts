/**
 * What the scorecard page shows for each prediction, made from the same view objects the API
 * answers (`scorecardEntryView`), so the page and `/api/scorecard` cannot disagree. Pure: no Nest.
 */
import { renderBalanceBarSvg } from '../common/charts/balance-bar-svg';
import { renderSparklineSvg } from '../common/charts/sparkline-svg';
import { safeHttpUrl } from '../digests/renderers/render-helpers';
import type { scorecardEntryView } from '../momentum/momentum.dto';
import { readVerdictFields } from './verdict-fields';
import { daysToHorizon, formatSigned, hostOf, isoDay } from './web-format';
import type { Lang } from './web-language';
import type { Translate } from './web-messages';

export type ScorecardEntryView = ReturnType<typeof scorecardEntryView>;

export interface TrendText {
  slug: string;
  horizon: string | null;
}

export interface ScorecardCard {
  number: number;
  slug: string;
  title: string;
  otherTitle: string;
  otherLang: Lang;
  status: string | null;
  statusKey: string | null;
  horizonLine: string;
  direction: string;
  directionWord: string;
  score: number;
  scoreText: string;
  sparklineSvg: string;
  balance: number | null;
  balanceSvg: string;
  evidence: ScorecardEntryView['evidence'];
  countsLine: string;
  stanceLine: string;
  lastEvidence: string | null;
  strongest: { title: string; url: string | null; source: string | null; day: string; stance: string } | null;
}

const ARROWS: Record<string, string> = { rising: '↑', steady: '→', falling: '↓' };

export function scorecardCards(
  entries: readonly { view: ScorecardEntryView; shares: readonly number[] }[],
  trends: readonly TrendText[],
  lang: Lang,
  t: Translate,
  today: Date,
): ScorecardCard[] {
  const horizonText = new Map(trends.map((tr) => [tr.slug, tr.horizon]));
  return entries.map(({ view, shares }) => {
    const verdict = readVerdictFields(view);
    const status = verdict.status ?? null;
    return {
      number: view.number,
      slug: view.slug,
      title: lang === 'zh' ? view.titleZh : view.titleEn,
      otherTitle: lang === 'zh' ? view.titleEn : view.titleZh,
      otherLang: lang === 'zh' ? 'en' : 'zh',
      status: status ? t(`status.${status}` as never) : null,
      statusKey: status,
      horizonLine: horizonLine(
        verdict.horizon ?? null,
        verdict.assessment?.daysToHorizon,
        horizonText.get(view.slug) ?? null,
        t,
        today,
      ),
      direction: view.momentum.direction,
      directionWord: `${ARROWS[view.momentum.direction] ?? ''} ${t(`direction.${view.momentum.direction}`)}`,
      score: view.momentum.score,
      scoreText: formatSigned(view.momentum.score),
      sparklineSvg: renderSparklineSvg(shares, {
        width: 160,
        height: 36,
        label: t('card.sparkline', { number: view.number }),
      }),
      balance: view.balance,
      balanceSvg: balanceSvg(view.balance, t),
      evidence: view.evidence,
      countsLine: t('card.counts', { ...view.evidence }),
      stanceLine: t('card.stanceCounts', { ...view.evidence }),
      lastEvidence: isoDay(view.lastEvidenceAt),
      strongest: strongestOf(view),
    };
  });
}

/** The verdict's days when the API gives them, else days to a dated horizon, else the report's words. */
function horizonLine(
  horizon: string | null,
  givenDays: number | null | undefined,
  reportText: string | null,
  t: Translate,
  today: Date,
): string {
  const days = typeof givenDays === 'number' ? givenDays : daysToHorizon(horizon, today);
  if (days !== null) {
    const dated = days >= 0 ? t('card.daysToHorizon', { days }) : t('card.horizonPassed', { days: -days });
    return horizon ? `${horizon} · ${dated}` : dated;
  }
  return reportText ?? t('card.noHorizon');
}

/** The bar draws the API's weighted balance b in [-1, 1] as (1 + b) : (1 - b). */
function balanceSvg(balance: number | null, t: Translate): string {
  const b = balance ?? 0;
  const supporting = balance === null ? 0 : Math.round(((1 + b) / 2) * 100);
  return renderBalanceBarSvg(balance === null ? 0 : 1 + b, balance === null ? 0 : 1 - b, {
    width: 160,
    height: 10,
    label: t('card.balanceBar', { supporting, contradicting: balance === null ? 0 : 100 - supporting }),
  });
}

function strongestOf(view: ScorecardEntryView): ScorecardCard['strongest'] {
  const top = view.strongestEvidence[0];
  if (!top) return null;
  return {
    title: top.title,
    url: safeHttpUrl(top.url),
    source: hostOf(top.url),
    day: isoDay(top.publishedAt) ?? '',
    stance: top.stance,
  };
}
