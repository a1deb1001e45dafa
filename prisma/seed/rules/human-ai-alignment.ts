/**
 * Prediction 10, 人机对齐: aligning models with human intent and values becomes a key competitive
 * factor for model products and a precondition for AGI. Evidence: alignment and safety research,
 * safety institutes and evaluations, governance frameworks, behaviour fixes (sycophancy);
 * contradicting: safety teams dissolved, safety bills vetoed, safety rules revoked or weakened.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const AI_CONTEXT = ['ai', 'model*', 'llm*', 'openai', 'anthropic', 'claude', 'chatgpt', 'gpt*', 'agi', 'chatbot*', 'grok', '人工智能', '人工智慧', '大模型', '模型', '通用人工智能', '聊天机器人'];
/** Model outputs that break human values: alignment news (the plainest of them are also stance cues). */
const HARMFUL_OUTPUT = ['antisemit*', 'hate speech', 'racist', 'extremist', 'harmful content', '仇恨言论', '种族歧视', '不当言论', '极端言论', '有害内容'];

export const humanAiAlignmentRules: RuleSet = {
  format: 1,
  description: 'Alignment of AI with human intent and values; AI safety research, evaluation and governance.',
  threshold: 2,
  terms: [
    ...terms(2, ['superalignment', 'ai alignment', 'value alignment', 'ai safety', 'safe superintelligence', 'safety institute*', 'rlhf', 'constitutional ai', 'sb 1047', 'alignment faking', 'fakes alignment', 'ai act', 'frontier ai safety']),
    ...terms(2, ['超级对齐', '人机对齐', '价值观对齐', '价值对齐', 'ai安全', '人工智能安全', '大模型安全', '安全治理', '安全评测', '伪装对齐', '人类反馈强化学习', '人工智能法']),
    term('alignment', 1.5, ...AI_CONTEXT),
    term('对齐', 1.5, ...AI_CONTEXT),
    ...terms(1.5, HARMFUL_OUTPUT, AI_CONTEXT),
    ...terms(1, ['system prompt', '系统提示词', 'misaligned', 'misalignment', '失控'], AI_CONTEXT),
    ...terms(1.5, ['sycophan*', '谄媚', '奉承', 'flattery', '讨好用户', 'human values', '人类价值观', 'human intent*', '人类意图', 'catastrophic risk*', '灾难性风险', 'existential risk*', 'red team*', '红队', 'safety evaluation*', 'safety test*', 'safety framework', 'ai governance', 'ai治理', 'ai action summit', 'ai summit', 'ai峰会', '人工智能行政令', 'ai行政令', 'ai安全研究所']),
    ...terms(1, ['jailbreak*', '越狱', 'guardrail*', '护栏', 'model behavior', 'model behaviour', '模型行为', 'interpretability', '可解释性', 'executive order', '行政令', '红线', '价值观', 'values', 'safety'], AI_CONTEXT),
    ...terms(1, ['jan leike', 'redwood research', '宪法', 'constitution']),
    ...terms(0.5, ['agi', 'superintelligence', '通用人工智能', '超级智能', 'anthropic', 'sutskever', '安全'], AI_CONTEXT),
  ],
  exclusions: ['planetary alignment', 'planets line up', '行星连珠', '六星连珠', '五星连珠', '会计准则', 'wheel alignment', '四轮定位'],
  stanceCues: [...COMMON_STANCE_CUES, 'veto*', 'revok*', 'rescind*', 'decline to sign', 'declined to sign', 'refuses to sign', 'refused to sign', 'backseat', 'resign*', '否决', '撤销', '废除', '放松', '削弱', '离职', '拒绝签署', 'antisemit*', 'racist', '种族歧视', '不当言论', 'refused to shut down', 'refuses to shut down', 'resists shutdown', 'resisted shutdown', 'resisting shutdown', '篡改', '拒绝执行', '拒绝关机', '抗命'],
};
