import { FEED_CORPUS_DIR } from './feed-corpus';

/** `describe` where the feed corpus is, `describe.skip` otherwise (corpus-global-setup.ts says so once). */
export const describeWithCorpus = FEED_CORPUS_DIR ? describe : describe.skip;
/** `it` where the feed corpus is, `it.skip` otherwise. */
export const itWithCorpus = FEED_CORPUS_DIR ? it : it.skip;
