/**
 * The seed rule sets of the ten predictions, keyed by slug. Seeded as version 1 of each trend's
 * rules; admins replace them through PUT /api/admin/trends/<slug>/rules (validated with
 * validateRuleSet), which stores a new version.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { computeClustersRules } from './compute-clusters';
import { creativeGenerationRules } from './creative-generation';
import { embodiedIntelligenceRules } from './embodied-intelligence';
import { emotionalCompanionshipRules } from './emotional-companionship';
import { gameAgentTrainingRules } from './game-agent-training';
import { humanAiAlignmentRules } from './human-ai-alignment';
import { onDeviceModelsRules } from './on-device-models';
import { openSourceModelsRules } from './open-source-models';
import { reasoningAsAServiceRules } from './reasoning-as-a-service';
import { smartManufacturingRules } from './smart-manufacturing';

export const SEED_RULES: Record<string, RuleSet> = {
  'compute-clusters': computeClustersRules,
  'reasoning-as-a-service': reasoningAsAServiceRules,
  'creative-generation': creativeGenerationRules,
  'emotional-companionship': emotionalCompanionshipRules,
  'smart-manufacturing': smartManufacturingRules,
  'game-agent-training': gameAgentTrainingRules,
  'on-device-models': onDeviceModelsRules,
  'embodied-intelligence': embodiedIntelligenceRules,
  'open-source-models': openSourceModelsRules,
  'human-ai-alignment': humanAiAlignmentRules,
};
