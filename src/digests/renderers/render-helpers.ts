/**
 * Wording, number formats and sanitising shared by every digest renderer, so markdown, HTML, plain
 * text and Atom say the same thing in the same words.
 */
import type { DigestContent, MomentumDirection } from '../digest.types';

// C0/C1 controls other than tab, newline and CR are not allowed in XML; lone surrogates are not
// valid Unicode. Web titles contain both now and then, and one is enough to break a feed reader.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML or XML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Collapses newlines and whitespace runs so untrusted text cannot start a new line of structure. */
export function singleLine(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** The URL normalised by WHATWG parsing if it is http(s), otherwise null (javascript:, data:, junk). */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
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
function periodLabel(content: Pick<DigestContent, 'periodStart' | 'periodEnd'>): string {
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
