// Placeholder until the real rule sets land (tagging issue).
export const SEED_RULES: Record<string, unknown> = {};
