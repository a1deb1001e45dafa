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
 * predicted is delayed, fails, is banned, sued, probed, doubted, abandoned, shut down, left idle
 * or falls short. Trend files add their own. Deliberately absent: "延迟" (also means latency),
 * "recall"/"召回" (a Windows feature; 召回率 is a retrieval metric), bare "fine" (fine-tuning),
 * "questions" (too common in neutral copy), "shelves" (robots stock shelves), "layoffs"/"裁员"
 * (AI replacing staff is evidence *for* AI digital employees), "调查" alone (also "survey").
 */
export const COMMON_STANCE_CUES = [
  'delay*', 'postpone*', 'pushed back', 'pushes back', 'cancel*', 'scrapped', 'fail*', 'flop*',
  'lawsuit*', 'sue', 'sues', 'sued', 'suing', 'ban', 'bans', 'banned', 'banning', 'fined', 'fines',
  'doubt*', 'skeptic*', 'sceptic*', 'halt*', 'pause*', 'suspend*', 'setback*', 'backlash',
  'disappoint*', 'struggle*', 'stall*', 'slump*', 'abandon*', 'falls short', 'fall short',
  'collapse*', 'plunge*', 'tumble*', 'infring*',
  // companies and products that end, retreat or sit unused
  'bankrupt*', 'receivership', 'insolven*', 'liquidat*', 'shut down', 'shuts down', 'shutting down',
  'shutter*', 'discontinu*', 'stop working', 'stops working', 'is dead', 'wind down', 'winds down',
  'pull back', 'pulls back', 'pulled back', 'pulling back', 'scale back', 'scales back', 'scaled back',
  'walk away', 'walks away', 'walked away', 'shelved', 'pulls the plug', 'pulled the plug', 'disband*',
  'dissolv*', 'idle', 'idled', 'underutili*', 'unused', 'on strike', 'negative impact*',
  // regulators and markets turning against it
  'probe', 'probes', 'probed', 'investigation*', 'rattle*', 'selloff', 'sell off', 'wiped out',
  '推迟', '延期', '暂停', '叫停', '取消', '失败', '受阻', '遇阻', '禁令', '封禁', '禁止', '起诉',
  '诉讼', '侵权', '罚款', '罚单', '质疑', '怀疑', '担忧', '泡沫', '放缓', '不及预期', '落后',
  '缺陷', '崩溃', '退出', '放弃', '下架', '遇冷', '大跌', '暴跌', '停产', '撤回',
  '搁置', '破产', '清算', '倒闭', '停运', '关停', '停服', '停止服务', '裁撤', '解散', '闲置', '空置',
  '利用率低', '迟迟', '未能', '罢工', '侵犯', '负面影响', '缩减', '削减', '翻车', '滞销',
  '立案调查', '展开调查', '启动调查', '介入调查', '约谈', '处罚',
];
