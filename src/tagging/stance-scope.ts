/**
 * Where a stance cue counts. A cue ("delayed", "叫停", "no longer") decides the stance only when it
 * speaks about the prediction's topic: when it is in the headline, or in the same sentence of the
 * summary as one of the terms that fired for that prediction. A summary that adds "rivals' plans
 * were delayed" two sentences after a launch does not make the launch contradicting evidence.
 *
 * A cue that is itself negated ("not delayed", "won't be cancelled", "没有推迟", "并未放缓") is no
 * setback and does not count. Reversal ("no longer", "不再", "未能", "scrapped plans to") is
 * setback language in its own right (setback-language.ts).
 *
 * These functions read the matcher's normalised text (lower case, simplified Chinese, collapsed
 * spaces) as UTF-16 codes, so they allocate nothing on the hot path except the short look-behind
 * window of a cue that occurred.
 */

/** Characters that end a sentence after normalisation (NFKC turns full-width ！？； into ASCII). */
const SENTENCE_END = new Uint8Array(0x10000);
for (const char of ['。', '!', '?', ';', '…', '|']) SENTENCE_END[char.charCodeAt(0)] = 1;
const FULL_STOP = 0x2e;
const SPACE = 0x20;

/** How far before a cue a negator is looked for (code units). */
const NEGATION_WINDOW = 24;

const LATIN_NEGATOR =
  /(?:^|[^a-z0-9])(?:not|no|never|without|nor|won['’]?t|isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t|didn['’]?t|doesn['’]?t|don['’]?t|denies|denied|deny|rules out|ruled out|rule out)(?: [a-z0-9]+){0,2} ?$/;
/**
 * 不/未/没(有)/并未/否认 right before the cue, or with 被/会/曾/再 between (没有被取消, 未曾推迟);
 * any other character between is not a negation (不断下滑, 不少企业放弃), nor is 不得不 ("had to").
 */
const CHINESE_NEGATOR = /(?:未|没有|没|不会|并未|从未|并非|否认|不)(?:被|会|曾|再)?$/;
const CHINESE_FORCED = /不得不(?:被|会|曾|再)?$/;

function isSentenceEnd(codes: Uint16Array, index: number, length: number): boolean {
  const code = codes[index]!;
  if (SENTENCE_END[code] === 1) return true;
  // "." ends a sentence when a space or the end follows; "3.5" and "gpt.com" stay one sentence.
  return code === FULL_STOP && (index + 1 >= length || codes[index + 1] === SPACE);
}

/** Index of the first code of the sentence holding `start`. */
export function sentenceStart(codes: Uint16Array, start: number, length: number): number {
  let at = start - 1;
  while (at >= 0 && !isSentenceEnd(codes, at, length)) at--;
  return at + 1;
}

/** Index just past the last code of the sentence holding `end` (inclusive index of a hit's last code). */
export function sentenceEnd(codes: Uint16Array, end: number, length: number): number {
  let at = end + 1;
  while (at < length && !isSentenceEnd(codes, at, length)) at++;
  return at;
}

/** Whether the cue starting at `start` is negated by what precedes it in its sentence. */
export function isNegatedCue(codes: Uint16Array, start: number, sentenceFrom: number): boolean {
  const from = Math.max(sentenceFrom, start - NEGATION_WINDOW);
  if (from >= start) return false;
  const before = String.fromCharCode.apply(null, codes.subarray(from, start) as unknown as number[]);
  if (CHINESE_NEGATOR.test(before)) return !CHINESE_FORCED.test(before);
  return LATIN_NEGATOR.test(before);
}
