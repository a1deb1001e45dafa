/**
 * Worker-thread entry of FeedPreparationService (piscina calls the default export once per task):
 * parsing and normalising are pure CPU, and off the main thread they no longer hold up the
 * fetches, the database round trips and the API the main thread serves meanwhile.
 */
import { FeedPreparationOutcome, FeedPreparationTask, prepareFeedOutcome } from './feed-preparation';

export default function prepareInWorker(task: FeedPreparationTask): FeedPreparationOutcome {
  return prepareFeedOutcome(task);
}
