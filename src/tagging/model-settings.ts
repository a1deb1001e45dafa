/**
 * Defaults of the evidence model's operating point, shared by the service and the evaluation.
 * Chosen on the development sets (leave one set out), never on the blind set; README "Tagging".
 */
export const DEFAULT_PROPOSAL_THRESHOLD = 0.3;
/**
 * How sure the model's stance output must be (P(contradicts) >= 0.5 + margin or <= 0.5 - margin)
 * before a rule match is stored with the model's stance instead of the rule's (stanceOverRules).
 */
export const STANCE_OVER_RULES_MARGIN = 0.1;
/** New reviewer decisions since the current model before the retrain job trains a new one. */
export const DEFAULT_RETRAIN_MIN_DECISIONS = 20;
