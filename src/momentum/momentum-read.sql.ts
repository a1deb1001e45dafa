import { RollupParts, WEEK_CELLS } from './momentum-read';

/**
 * Everything a momentum or scorecard request reads, as ONE statement: one round trip, one plan,
 * one row of JSON arrays back. Five separate queries through Prisma cost ~0.5 ms each in driver
 * and engine overhead before PostgreSQL did any work; the work itself is a few hundred rollup rows.
 *
 * Each statement is prepared once per connection (named), and after five runs PostgreSQL keeps its generic
 * plan only when that costs about what the custom plans did; otherwise it plans afresh on every
 * request (0.3-0.7 ms here). A part whose range is empty by its parameters makes custom plans look
 * far cheaper than the generic one, so nothing is switched off by parameters: momentum and
 * scorecard are separate statements, and so is each shape of period read (`RollupParts`): weeks
 * only (a week interval ending on a Sunday, the usual asOf), weeks and the days of a last week cut
 * short, days only (day and month intervals). A single statement with the days of a whole week as
 * an empty range was re-planned on every request at 1M rows (pg_prepared_statements: 0 generic plans).
 *
 * Parameters, every statement:
 *   $1 fromDay, $2 splitDay, $3 toDay ('YYYY-MM-DD', UTC days): whole weeks before splitDay come
 *      from trend_weekly_cells, days from splitDay on from trend_daily_rollups, summed per period
 *   $4 interval ('day' | 'week' | 'month')
 * Momentum: $5 slug or NULL, $6 number or NULL (the trend). Scorecard: $5 asOf, $6 strongest per trend.
 *
 * Every array holds bounded per-period or per-trend rows, so the cost does not grow with evidence
 * rows: the evidence table is only probed by index, RECENT_ACCEPTED_WINDOW rows per trend at most.
 * Days are cast to `timestamp` before date_trunc so the session time zone never matters.
 * Instants leave as epoch milliseconds (published_at is timestamptz(3), so round() is exact).
 * Weekly rows, the bulk of the scorecard (~500), leave as float8 arrays with the week as days since
 * 1970: json_build_array looks up each argument's type on every row, which took 1.3 ms for them
 * against 0.9 ms this way. Counts and sums print exactly either way (shortest round-trip output).
 */
const RECENT_ACCEPTED_WINDOW = 50;

const TREND_COLUMNS = 'id, number, slug, title_en, title_zh';
const WEEK_CELL_COLUMNS = WEEK_CELLS.flatMap(({ status, stance }) => [
  `c.${status}_${stance}_count`,
  `c.${status}_${stance}_score`,
]);

const WEEKS = `  (SELECT json_agg(ARRAY[c.trend_id, c.week - DATE '1970-01-01', ${WEEK_CELL_COLUMNS.join(', ')}]::float8[])
   FROM trend_weekly_cells c
   WHERE c.trend_id = ANY(ARRAY(SELECT id FROM t)) AND c.week >= $1::date AND c.week < $2::date)`;

const DAYS = `  (SELECT json_agg(json_build_array(d.trend_id, d.day, d.status, d.stance, d.count, d.score_sum))
   FROM (
     SELECT trend_id, to_char(date_trunc($4::text, day::timestamp), 'YYYY-MM-DD') AS day, status, stance,
            sum(count)::int AS count, sum(score_sum)::float8 AS score_sum
     FROM trend_daily_rollups
     WHERE trend_id = ANY(ARRAY(SELECT id FROM t)) AND day >= $2::date AND day <= $3::date AND count <> 0
     GROUP BY 1, 2, 3, 4
   ) d)`;

const rollupColumns = (parts: RollupParts) => `
  (SELECT json_agg(json_build_array(id, number, slug, title_en, title_zh) ORDER BY number) FROM t) AS trends,
  ${parts.weeks ? WEEKS : 'NULL::json'} AS weeks,
  ${parts.days ? DAYS : 'NULL::json'} AS days,
  (SELECT json_agg(json_build_array(a.day, a.count))
   FROM (
     SELECT to_char(date_trunc($4::text, day::timestamp), 'YYYY-MM-DD') AS day, sum(count)::int AS count
     FROM article_daily_rollups
     WHERE day >= $1::date AND day <= $3::date
     GROUP BY 1
   ) a) AS articles`;

export interface Statement {
  name: string;
  text: string;
}

/** The statement for each shape of period read, built once, named after its kind and shape. */
function byParts(kind: string, build: (parts: RollupParts) => string): (parts: RollupParts) => Statement {
  const statements = new Map<string, Statement>();
  for (const weeks of [true, false]) {
    for (const days of [true, false]) {
      const name = `${kind}:${weeks ? 'weeks' : ''}${weeks && days ? '+' : ''}${days ? 'days' : ''}`;
      statements.set(`${weeks}/${days}`, { name, text: build({ weeks, days }) });
    }
  }
  return (parts) => statements.get(`${parts.weeks}/${parts.days}`)!;
}

/** One trend, by slug or by number. */
export const momentumStatement = byParts(
  'momentum',
  (parts) => `
WITH t AS (SELECT ${TREND_COLUMNS} FROM trends WHERE slug = $5::text OR number = $6::int)
SELECT ${rollupColumns(parts)}`,
);

/** All trends, with each one's strongest recent accepted evidence and its last evidence date. */
export const scorecardStatement = byParts(
  'scorecard',
  (parts) => `
WITH t AS (SELECT ${TREND_COLUMNS} FROM trends)
SELECT ${rollupColumns(parts)},
  (SELECT json_agg(json_build_array(t.id, e.id, e.score, e.stance, round(extract(epoch FROM e.published_at) * 1000), a.title, a.url)
                   ORDER BY t.id, e.score DESC, e.published_at DESC)
   FROM t
   CROSS JOIN LATERAL (
     SELECT * FROM (
       SELECT id, score, stance, published_at, article_id FROM evidence
       WHERE trend_id = t.id AND status = 'accepted' AND published_at <= $5::timestamptz
       ORDER BY published_at DESC LIMIT ${RECENT_ACCEPTED_WINDOW}
     ) recent ORDER BY score DESC, published_at DESC LIMIT $6::int
   ) e
   JOIN articles a ON a.id = e.article_id) AS strongest,
  (SELECT json_agg(json_build_array(t.id, round(extract(epoch FROM GREATEST(
     (SELECT max(published_at) FROM evidence WHERE trend_id = t.id AND status = 'accepted' AND published_at <= $5::timestamptz),
     (SELECT max(published_at) FROM evidence WHERE trend_id = t.id AND status = 'pending' AND published_at <= $5::timestamptz)
   )) * 1000)))
   FROM t) AS last_evidence`,
);

/**
 * The strongest accepted evidence of each period (MomentumRepository.strongestInPeriods): $1 trend,
 * $2/$3 the periods' starts and ends, $4 asOf, $5 rows per period.
 */
const DRIVERS_STATEMENT = `
SELECT e.id, e.score, e.stance, e.published_at, a.title, a.url
FROM unnest($2::timestamptz[], $3::timestamptz[]) AS p(start_at, end_at)
CROSS JOIN LATERAL (
  SELECT id, score, stance, published_at, article_id FROM evidence
  WHERE trend_id = $1::int AND status = 'accepted' AND published_at >= p.start_at AND published_at < p.end_at
    AND published_at <= $4::timestamptz
  ORDER BY score DESC, published_at DESC LIMIT $5::int
) e
JOIN articles a ON a.id = e.article_id
ORDER BY e.score DESC, e.published_at DESC`;

export function driversStatement(
  trendId: number,
  periods: { start: Date; end: Date }[],
  asOf: Date,
  perPeriod: number,
): Statement & { values: unknown[] } {
  return {
    name: 'momentum:drivers',
    text: DRIVERS_STATEMENT,
    values: [trendId, periods.map((p) => p.start), periods.map((p) => p.end), asOf, perPeriod],
  };
}
