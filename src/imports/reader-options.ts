/** What every reader of article rows needs to judge a row. */
export interface ReaderOptions {
  /** --source: the source of rows (or feed files) that name none. */
  defaultSource: string | null;
  /** --since: older articles are skipped (counted, not refused). */
  since: Date | null;
  now: Date;
}
