/**
 * Prediction 4, 情绪感知: emotionally intelligent models open the human-machine companionship
 * market within 2-3 years: companion apps, AI toys, emotional voice, digital life (griefbots).
 * Contradicting: lawsuits and suicides linked to companion bots, fines, regulation, addiction.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const AI_CONTEXT = ['ai', 'chatbot*', 'model*', 'openai', 'voice assistant*', 'virtual', 'app', '人工智能', '人工智慧', '大模型', '模型', '聊天机器人', '虚拟', '智能', '语音'];
const COMPANION_APP_CONTEXT = ['ai', 'app', 'minimax', 'companion*', '应用', '陪伴', '角色'];

export const emotionalCompanionshipRules: RuleSet = {
  format: 1,
  description: 'AI companions, emotional AI, AI toys and digital life opening a companionship market.',
  threshold: 2,
  terms: [
    ...terms(2, ['ai companion*', 'companion app*', 'companion chatbot*', 'ai girlfriend*', 'ai boyfriend*', 'ai friend*', 'ai toy*', 'emotional ai', 'affective computing', 'character.ai', 'replika', 'griefbot*', 'deadbot*', 'digital afterlife', 'bubblepal', 'the film her']),
    ...terms(2, ['ai陪伴', 'ai伴侣', '情感陪伴', '陪伴机器人', 'ai玩具', '智能玩具', '陪伴玩具', '情感计算', '数字生命', 'ai复活', '虚拟恋人', '虚拟伴侣', 'dan模式', '《her》', '人机陪伴']),
    term('Talkie', 2, ...COMPANION_APP_CONTEXT),
    term('星野', 2, ...COMPANION_APP_CONTEXT),
    term('猫箱', 1.5, ...COMPANION_APP_CONTEXT),
    term('Mattel', 1, 'openai', 'ai'),
    term('toy*', 1, 'ai', 'openai', 'chatbot*'),
    term('pendant*', 1, 'ai', 'companion*'),
    ...terms(1.5, ['情绪价值', '情绪支持', 'emotional support', 'emotional connection', '情感依赖', 'emotional dependen*', '虚拟角色', 'virtual character*']),
    ...terms(1, ['companion*', 'companionship', '陪伴', '情感交流', '复刻'], AI_CONTEXT),
    ...terms(0.5, ['emotion*', 'loneliness', 'lonely', '情绪', '情感', '孤独', '慰藉'], AI_CONTEXT),
    ...terms(0.5, ['chatbot*', '聊天机器人', 'voice mode', 'voice assistant*', '语音对话', 'ai聊天']),
  ],
  exclusions: [],
  stanceCues: [...COMMON_STANCE_CUES, 'suicid*', 'self harm', 'regulat*', 'addict*', 'abus*', '自杀', '自残', '监管', '成瘾', '沉迷'],
};
