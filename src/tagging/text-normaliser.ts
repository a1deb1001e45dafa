/**
 * Text normalisation shared by rule compilation and article matching. Both sides go through the
 * same function, so a rule written as "開源" or "ＧＰＵ" matches "开源" or "gpu" in an article.
 *
 * Steps, in order:
 *  1. NFKC: full-width Latin, digits and punctuation become half-width ("ＧＰＵ" -> "GPU").
 *  2. Case folding (lower case).
 *  3. Traditional -> simplified Chinese, character by character (OpenCC's table plus hand-picked
 *     domain pairs). Vocabulary differences ("晶片" vs "芯片", "伺服器" vs "服务器") are not
 *     spelling and stay the rules' job.
 *  4. Dashes and underscores become spaces, so "open-source", "open source" and "open_source"
 *     are the same text; then whitespace is collapsed and trimmed.
 */

import { GENERATED_PAIRS } from './simplified-chinese.generated';
import { HAND_PICKED_PAIRS } from './simplified-chinese-hand-picked';

/**
 * Traditional -> simplified, one character at a time: OpenCC's character table (generated, see
 * simplified-chinese.generator.ts), then the hand-picked domain pairs, which win.
 */
function buildSimplifyTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const pairs of [GENERATED_PAIRS, HAND_PICKED_PAIRS.join('')]) {
    const chars = Array.from(pairs);
    for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) table.set(chars[i]!, chars[i + 1]!);
  }
  return table;
}

const SIMPLIFY = buildSimplifyTable();
const TRADITIONAL_CHAR_PATTERN = new RegExp(`[${Array.from(SIMPLIFY.keys()).join('')}]`, 'gu');
const DASHES_AND_UNDERSCORES = /[-_\u2010-\u2015\u2212]+/g;
const WHITESPACE_RUN = /\s+/g;
/** Fast path: pure printable ASCII needs neither NFKC nor the Chinese table. */
const PRINTABLE_ASCII_ONLY = /^[\x20-\x7e]*$/;

function simplifyChinese(text: string): string {
  return text.replace(TRADITIONAL_CHAR_PATTERN, (char) => SIMPLIFY.get(char) ?? char);
}

/**
 * The definition of normalisation, applied to whole strings. `normaliseText` gives the same
 * result faster; this stays as the fallback and as the reference the tests compare against.
 */
function normaliseTextReference(text: string): string {
  let result = text;
  if (!PRINTABLE_ASCII_ONLY.test(result)) {
    result = simplifyChinese(result.normalize('NFKC'));
  }
  return result.toLowerCase().replace(DASHES_AND_UNDERSCORES, ' ').replace(WHITESPACE_RUN, ' ').trim();
}

const SPACE = 0x20;
const NEEDS_WHOLE_STRING = -1;
const COMBINING_MARK = /\p{M}/u;

/**
 * What each UTF-16 code unit becomes on its own, or NEEDS_WHOLE_STRING when its result depends
 * on its neighbours: combining marks and Hangul jamo compose under NFKC, the Greek capital sigma
 * lower-cases by position, surrogates belong to pairs, and some characters expand to several.
 */
function buildCharTable(): Int32Array {
  const table = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const char = String.fromCharCode(code);
    const isContextual =
      (code >= 0xd800 && code <= 0xdfff) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f) ||
      (code >= 0xffa0 && code <= 0xffdc) ||
      code === 0x3a3 ||
      COMBINING_MARK.test(char);
    const mapped = isContextual ? '' : simplifyChinese(char.normalize('NFKC')).toLowerCase();
    if (mapped.length !== 1 || COMBINING_MARK.test(mapped)) table[code] = NEEDS_WHOLE_STRING;
    else if (/\s/.test(mapped) || /[-_\u2010-\u2015\u2212]/.test(mapped)) table[code] = SPACE;
    else table[code] = mapped.charCodeAt(0);
  }
  return table;
}

const CHAR_TABLE = buildCharTable();

/**
 * Normalises `text` into `out` (which must hold at least text.length code units) in one pass and
 * returns the normalised length, or -1 when the text needs whole-string normalisation
 * (normaliseTextReference). Same result as normaliseText, without building a string.
 */
export function normaliseInto(text: string, out: Uint16Array): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const mapped = CHAR_TABLE[text.charCodeAt(i)];
    if (mapped === SPACE) {
      if (length > 0) pendingSpace = true;
      continue;
    }
    if (mapped === NEEDS_WHOLE_STRING) return -1;
    if (pendingSpace) {
      out[length++] = SPACE;
      pendingSpace = false;
    }
    out[length++] = mapped;
  }
  return length;
}

let scratch = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le');

/** Normalises text for matching: NFKC, lower case, simplified Chinese, dashes to spaces, collapsed whitespace. */
export function normaliseText(text: string): string {
  if (scratch.length < text.length) scratch = new Uint16Array(text.length * 2);
  const length = normaliseInto(text, scratch);
  return length < 0 ? normaliseTextReference(text) : UTF16.decode(scratch.subarray(0, length));
}

/** How many traditional characters the table knows; exposed for tests and diagnostics. */
export const SIMPLIFIED_CHARACTER_COUNT = SIMPLIFY.size;
