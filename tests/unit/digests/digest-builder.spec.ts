import { buildDigestContent, composeVerdict } from '../../../src/digests/digest-builder';
import { digestInput, trendInput } from './digest-fixtures';

describe('composeVerdict', () => {
  it.each([
    ['rising', 12, 1, 'accelerating, 12 new supporting, 1 contradicting'],
    ['steady', 0, 0, 'steady, nothing new'],
    ['falling', 0, 3, 'cooling, 3 contradicting'],
    ['steady', 2, 0, 'steady, 2 new supporting'],
  ] as const)(
    '%s with %i supporting and %i contradicting reads "%s"',
    (direction, supporting, contradicting, expected) => {
      expect(composeVerdict(direction, supporting, contradicting)).toBe(expected);
    },
  );
});

describe('buildDigestContent', () => {
  it('reports momentum at period end with the change since period start', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({
          number: 2,
          momentumAtStart: { score: 0.1, direction: 'steady' },
          momentumAtEnd: { score: 0.35, direction: 'rising' },
          newSupporting: 5,
        }),
      ]),
    );
    expect(content.trends[0].momentum).toEqual({
      score: 0.35,
      direction: 'rising',
      change: 0.35 - 0.1,
      previousScore: 0.1,
    });
    expect(content.trends[0].verdict).toBe('accelerating, 5 new supporting');
  });

  it('lists movers by size of change, including a small move that flipped direction', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({
          number: 1,
          momentumAtStart: { score: 0, direction: 'steady' },
          momentumAtEnd: { score: -0.3, direction: 'falling' },
        }),
        trendInput({
          number: 2,
          momentumAtStart: { score: 0.09, direction: 'steady' },
          momentumAtEnd: { score: 0.11, direction: 'rising' },
        }),
        trendInput({
          number: 3,
          momentumAtStart: { score: 0.1, direction: 'rising' },
          momentumAtEnd: { score: 0.6, direction: 'rising' },
        }),
        trendInput({
          number: 4,
          momentumAtStart: { score: 0.2, direction: 'rising' },
          momentumAtEnd: { score: 0.25, direction: 'rising' },
        }),
      ]),
    );
    expect(content.movers.map((m) => m.number)).toEqual([3, 1, 2]);
    expect(content.movers[1]).toMatchObject({ slug: 'trend-1', direction: 'falling', change: -0.3 });
  });

  it('honours a custom mover threshold', () => {
    const trends = [
      trendInput({
        number: 1,
        momentumAtStart: { score: 0.2, direction: 'rising' },
        momentumAtEnd: { score: 0.25, direction: 'rising' },
      }),
    ];
    expect(buildDigestContent(digestInput(trends, { moverThreshold: 0.04 })).movers).toHaveLength(1);
  });

  it('says nothing moved when no trend moved and no evidence arrived', () => {
    const content = buildDigestContent(
      digestInput([trendInput({ number: 1 }), trendInput({ number: 2, pendingReview: 3 })]),
    );
    expect(content.nothingMoved).toBe(true);
    expect(content.trends.map((t) => t.verdict)).toEqual(['steady, nothing new', 'steady, nothing new']);
  });

  it('does not say nothing moved when new evidence arrived without moving momentum', () => {
    const content = buildDigestContent(digestInput([trendInput({ number: 1, newContradicting: 1 })]));
    expect(content.movers).toEqual([]);
    expect(content.nothingMoved).toBe(false);
  });

  it('orders trends by number and failed feeds by error count', () => {
    const content = buildDigestContent(
      digestInput([trendInput({ number: 9 }), trendInput({ number: 4 })], {
        failedFeeds: [
          { feedId: 1, url: 'https://a.example/feed', title: null, errors: 1, lastError: null },
          { feedId: 2, url: 'https://b.example/feed', title: 'B', errors: 5, lastError: 'timeout' },
        ],
      }),
    );
    expect(content.trends.map((t) => t.number)).toEqual([4, 9]);
    expect(content.failedFeeds.map((f) => f.feedId)).toEqual([2, 1]);
  });

  it('is JSON-stable: dates are ISO strings and a round trip changes nothing', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({
          number: 1,
          topEvidence: [
            { title: 't', url: null, publishedAt: new Date('2024-11-26T12:00:00Z'), stance: 'supports', score: 0.7 },
          ],
        }),
      ]),
    );
    expect(content.periodStart).toBe('2024-11-25T00:00:00.000Z');
    expect(content.trends[0].topEvidence[0].publishedAt).toBe('2024-11-26T12:00:00.000Z');
    expect(JSON.parse(JSON.stringify(content))).toEqual(content);
  });
});
