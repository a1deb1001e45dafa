/**
 * Building blocks shared by the ten seed rule sets. The output is plain JSON (RuleSet), the same
 * shape admins PUT through the API; these helpers only keep the seed files short.
 */
import type { RuleTerm } from '../../../src/tagging/rule-set.types';

/** One weighted term; `requires` lists words of which at least one must co-occur. */
export function term(text: string, weight: number, ...requires: string[]): RuleTerm {
  return requires.length > 0 ? { text, weight, requires } : { text, weight };
}

/** Several terms with the same weight and the same co-occurrence condition. */
export function terms(weight: number, texts: string[], requires: string[] = []): RuleTerm[] {
  return texts.map((text) => term(text, weight, ...requires));
}

/**
 * Cues that turn a matching article into contradicting evidence for any prediction: the thing
 * predicted is delayed, fails, is banned, sued, doubted, abandoned or falls short. Trend files
 * add their own. Deliberately absent: "延迟" (also means latency), "recall" (a Windows feature),
 * bare "fine" (fine-tuning), "questions" (too common in neutral copy).
 */
export const COMMON_STANCE_CUES = [
  'delay*', 'postpone*', 'pushed back', 'pushes back', 'cancel*', 'scrapped', 'fail*', 'flop*',
  'lawsuit*', 'sue', 'sues', 'sued', 'suing', 'ban', 'bans', 'banned', 'banning', 'fined', 'fines',
  'doubt*', 'skeptic*', 'sceptic*', 'halt*', 'pause*', 'suspend*', 'setback*', 'backlash',
  'disappoint*', 'struggle*', 'stall*', 'slump*', 'abandon*', 'falls short', 'fall short',
  'collapse*', 'plunge*', 'tumble*', 'infring*',
  '推迟', '延期', '暂停', '叫停', '取消', '失败', '受阻', '遇阻', '禁令', '封禁', '禁止', '起诉',
  '诉讼', '侵权', '罚款', '罚单', '质疑', '怀疑', '担忧', '泡沫', '放缓', '不及预期', '落后',
  '缺陷', '崩溃', '退出', '放弃', '下架', '遇冷', '大跌', '暴跌', '停产', '撤回',
];
