import { isAscii, isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'http-header' | 'xml-declaration' | 'html-meta' | 'default' | 'utf8-sniff';

export interface DecodedText {
  text: string;
  charset: string;
  source: CharsetSource;
}

const BOMS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  // UTF-32 first: its LE BOM starts with the UTF-16 LE one.
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/** Without a BOM, the bytes of "<?" still reveal a UTF-16/32 byte order (XML 1.0 appendix F). */
const NULL_PATTERNS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], charset: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], charset: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], charset: 'utf-16le' },
];

/** Labels browsers treat as windows-1252; decoding them as such also fixes the 0x80-0x9f "smart quotes". */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1']);

/** gb2312 and gbk labels are routinely used for text that needs their superset gb18030. */
const GB_ALIASES = new Set(['gb2312', 'gbk', 'x-gbk', 'cp936', 'euc-cn']);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function charsetFromBom(bytes: Uint8Array): { charset: string; bomLength: number } | undefined {
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  return bom && { charset: bom.charset, bomLength: bom.bytes.length };
}

/** The charset parameter of a Content-Type header, e.g. `text/xml; charset="windows-1252"`. */
function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** Reads the document head as ASCII, first undoing a UTF-16/32 byte order so "encoding=" is findable. */
function asciiHead(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048));
  const pattern = NULL_PATTERNS.find((candidate) => startsWith(head, candidate.bytes));
  return pattern ? iconv.decode(head, pattern.charset) : head.toString('latin1');
}

function charsetFromXmlDeclaration(head: string): string | undefined {
  const declaration = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration?.[1];
}

function charsetFromHtmlMeta(head: string): string | undefined {
  if (!/<html[\s>]|<!doctype\s+html/i.test(head)) return undefined;
  // Browsers look in the first 1024 bytes only; so do we.
  const prefix = head.slice(0, 1024);
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(prefix);
  return meta?.[1];
}

function nullPatternCharset(bytes: Uint8Array): string | undefined {
  return NULL_PATTERNS.find((candidate) => startsWith(bytes, candidate.bytes))?.charset;
}

/** Maps a declared label to the iconv-lite codec that decodes real-world text under it best. */
function canonicalCharset(label: string): string | undefined {
  const lowered = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(lowered)) return 'windows-1252';
  if (GB_ALIASES.has(lowered)) return 'gb18030';
  // A document that says "utf-16" but reached here had no BOM; big-endian is the XML default.
  if (lowered === 'utf-16' || lowered === 'utf16') return 'utf-16be';
  return iconv.encodingExists(lowered) ? lowered : undefined;
}

/** Validates without decoding (a fatal TextDecoder would build the whole string just to drop it). */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

function isSingleByteWestern(charset: string): boolean {
  return charset === 'windows-1252' || /^iso-?8859-15?$/.test(charset);
}

interface CharsetChoice {
  charset: string;
  source: CharsetSource;
}

/**
 * BOM, then HTTP charset, then XML declaration (or HTML meta), then UTF-8. Two corrections borrowed
 * from Miniflux for documents that lie about themselves: bytes that are not valid UTF-8 under a UTF-8
 * label or default are windows-1252; a declaration naming Latin-1 over valid non-ASCII UTF-8 is wrong.
 */
function chooseCharset(bytes: Uint8Array, contentType: string | undefined): CharsetChoice {
  const fromHeader = canonicalCharset(charsetFromContentType(contentType) ?? '');
  if (fromHeader) return correctUtf8Mislabel(bytes, { charset: fromHeader, source: 'http-header' });
  const head = asciiHead(bytes);
  const declared = charsetFromXmlDeclaration(head);
  const fromDeclaration = declared && canonicalCharset(declared);
  if (fromDeclaration) {
    // Over UTF-16/32 bytes, "encoding=utf-16" (or any label) cannot name the byte order: the pattern can.
    const pattern = nullPatternCharset(bytes);
    if (pattern) return { charset: pattern, source: 'xml-declaration' };
    return correctUtf8Mislabel(bytes, { charset: fromDeclaration, source: 'xml-declaration' });
  }
  const fromMeta = canonicalCharset(charsetFromHtmlMeta(head) ?? '');
  if (fromMeta) return correctUtf8Mislabel(bytes, { charset: fromMeta, source: 'html-meta' });
  const pattern = nullPatternCharset(bytes);
  if (pattern) return { charset: pattern, source: 'default' };
  return correctUtf8Mislabel(bytes, { charset: 'utf-8', source: 'default' });
}

function correctUtf8Mislabel(bytes: Uint8Array, choice: CharsetChoice): CharsetChoice {
  if (choice.charset === 'utf-8' && !isValidUtf8(bytes)) return { charset: 'windows-1252', source: 'utf8-sniff' };
  const correctable = choice.source === 'xml-declaration' || choice.source === 'html-meta';
  if (correctable && isSingleByteWestern(choice.charset) && hasNonAscii(bytes) && isValidUtf8(bytes)) {
    return { charset: 'utf-8', source: 'utf8-sniff' };
  }
  return choice;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return !isAscii(bytes);
}

/** Decodes a fetched body to Unicode. Never throws: unknown labels fall through to the next source. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = charsetFromBom(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bom) {
    return {
      text: iconv.decode(buffer.subarray(bom.bomLength), bom.charset, { stripBOM: true }),
      charset: bom.charset,
      source: 'bom',
    };
  }
  const choice = chooseCharset(bytes, contentType);
  // UTF-8 is only chosen for valid UTF-8 without a BOM (see correctUtf8Mislabel): Node decodes it natively.
  const text =
    choice.charset === 'utf-8' ? buffer.toString('utf8') : iconv.decode(buffer, choice.charset, { stripBOM: true });
  return { text, ...choice };
}
