/**
 * Wording, number formats and sanitising shared by every digest renderer, so markdown, HTML, plain
 * text and Atom say the same thing in the same words.
 */
import { httpUrl } from '../../common/http-url';
import { escapeHtml, withoutUnsafeChars } from '../../common/html-escape';
import type { DigestContent, MomentumDirection } from '../digest.types';

export { escapeHtml };

/** Collapses newlines and whitespace runs so untrusted text cannot start a new line of structure. */
export function singleLine(text: string): string {
  return withoutUnsafeChars(text).replace(/\s+/g, ' ').trim();
}

/** The URL normalised by WHATWG parsing if it is http(s), otherwise null (javascript:, data:, junk). */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  return httpUrl(raw)?.href ?? null;
}

export function formatScore(value: number): string {
  return (Number.isFinite(value) ? value : 0).toFixed(2);
}

/** Always signed, so "+0.00" reads as "no change" rather than as a missing sign. */
export function formatChange(value: number): string {
  const rounded = formatScore(value);
  return rounded.startsWith('-') ? rounded : `+${rounded}`;
}

const DIRECTION_ARROWS: Record<MomentumDirection, string> = { rising: '↑', steady: '→', falling: '↓' };

export function directionLabel(direction: MomentumDirection): string {
  return `${DIRECTION_ARROWS[direction]} ${direction}`;
}

/** YYYY-MM-DD of an ISO instant. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

/** "2024-11-25 – 2024-12-01": periodEnd is exclusive, so the last day shown is the one before it. */
export function periodLabel(content: Pick<DigestContent, 'periodStart' | 'periodEnd'>): string {
  const lastDay = new Date(new Date(content.periodEnd).getTime() - 1).toISOString();
  return `${isoDay(content.periodStart)} – ${isoDay(lastDay)}`;
}

export function digestTitle(content: Pick<DigestContent, 'periodStart' | 'periodEnd'>): string {
  return `Trend digest ${periodLabel(content)}`;
}

/** One line for subjects and feed entry titles: how many predictions moved. */
export function digestHeadline(content: DigestContent): string {
  if (content.nothingMoved) return `${digestTitle(content)}: nothing moved`;
  const movers = content.movers.length;
  return `${digestTitle(content)}: ${movers} ${movers === 1 ? 'mover' : 'movers'}`;
}

export const NOTHING_MOVED_SENTENCE =
  'Nothing moved this period: no prediction changed direction and no new evidence arrived.';
