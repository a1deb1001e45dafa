import { MAX_OPML_FEEDS, OpmlError, parseOpmlFeeds } from '../../../src/feeds/opml';

const opml = (body: string) =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${body}</body></opml>`;
const outline = (i: number) => `<outline text="f${i}" xmlUrl="https://example.com/${i}.xml"/>`;

describe('OPML import limits', () => {
  it(`reads up to ${MAX_OPML_FEEDS} feeds, in document order through folders`, () => {
    const feeds = parseOpmlFeeds(
      opml(`<outline text="folder">${outline(1)}<outline text="sub">${outline(2)}</outline></outline>${outline(3)}`),
    );
    expect(feeds.map((f) => f.title)).toEqual(['f1', 'f2', 'f3']);
    const all = Array.from({ length: MAX_OPML_FEEDS }, (_, i) => outline(i)).join('');
    expect(parseOpmlFeeds(opml(all))).toHaveLength(MAX_OPML_FEEDS);
  });

  it('refuses a document listing more feeds than one import may add', () => {
    const tooMany = Array.from({ length: MAX_OPML_FEEDS + 1 }, (_, i) => outline(i)).join('');
    expect(() => parseOpmlFeeds(opml(tooMany))).toThrow(OpmlError);
  });

  it('walks folders nested thousands deep without overflowing the stack', () => {
    const depth = 3000;
    const nested = '<outline text="d">'.repeat(depth) + outline(1) + '</outline>'.repeat(depth);
    const started = Date.now();
    let result: unknown;
    try {
      result = parseOpmlFeeds(opml(nested));
    } catch (error) {
      result = error;
    }
    // Either read or refused as unreadable OPML: never a RangeError from the stack.
    expect(result instanceof OpmlError || Array.isArray(result)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
