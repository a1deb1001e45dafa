/**
 * Defaults of the evidence model's operating point, shared by the service and the evaluation.
 * Chosen on the development sets (leave one set out), never on the blind set; README "Tagging".
 */
export const DEFAULT_PROPOSAL_THRESHOLD = 0.1;
/** New reviewer decisions since the current model before the retrain job trains a new one. */
export const DEFAULT_RETRAIN_MIN_DECISIONS = 20;
