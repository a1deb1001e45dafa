import { locateFeedCorpus } from './feed-corpus';

/**
 * Jest globalSetup: says once per run, in one line, that the corpus suites are skipped because the
 * shared feed corpus is not beside this clone (a user's clone never has it). With
 * REQUIRE_FEED_CORPUS=1 (CI) a missing corpus fails the run before any test starts.
 */
export default function corpusGlobalSetup(): void {
  if (locateFeedCorpus()) return;
  process.stdout.write(
    'feed corpus not found (FEED_CORPUS_DIR or ../shared/feed-corpus): corpus suites skipped; tests/integration/feeds/hostile-feeds.spec.ts still covers hostile and broken feeds\n',
  );
}
