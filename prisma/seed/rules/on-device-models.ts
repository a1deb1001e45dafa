/**
 * Prediction 7, 移动革命: optimised on-device models change the app entry point; AI-native OS,
 * agents that call apps directly, device plus cloud hybrids. Evidence: Apple Intelligence,
 * Galaxy AI / Gemini Nano, Copilot+ PCs and NPUs, 端侧大模型, AI手机/AI PC, phone agents
 * (YOYO, 小艺, 豆包手机助手); contradicting: delays, apps blocking phone agents, privacy retreats.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const AI_CONTEXT = ['ai', 'model*', 'llm*', 'intelligence', 'agent*', '人工智能', '人工智慧', '大模型', '模型', '智能体', 'ai'];
const DEVICE_CONTEXT = ['phone*', 'smartphone*', 'iphone*', 'android', 'pc', 'pcs', 'laptop*', 'device*', 'windows', '手机', '电脑', '终端', '设备'];

export const onDeviceModelsRules: RuleSet = {
  format: 1,
  description: 'On-device and hybrid device-cloud models changing phones, PCs and the app entry point.',
  threshold: 2,
  terms: [
    ...terms(2, ['on device ai', 'on device model*', 'on device llm*', 'ai pc', 'ai pcs', 'ai phone*', 'ai smartphone*', 'copilot+ pc', 'apple intelligence', 'galaxy ai', 'gemini nano', 'phi silica', 'gemma 3n', 'ai native os', 'ai operating system', 'hybrid ai']),
    ...terms(2, ['端侧大模型', '端侧模型', '端侧ai', '端侧智能', 'ai手机', 'ai原生操作系统', '手机智能体', '系统级智能体', '个人智能体', '端云协同', '端云结合', '应用入口', '豆包手机助手', '蓝心大模型']),
    ...terms(1.5, ['on device', 'private cloud compute', 'npu', 'npus', 'across apps', 'inside apps', 'phone agent*', 'ai原生', '端侧', '跨应用', '本地运行', 'runs locally', 'run locally', 'small language model*', 'magicos', '小艺']),
    term('YOYO', 1.5, '荣耀', 'honor', '智能体'),
    term('Siri', 1.5, ...AI_CONTEXT),
    // AI hardware beyond phones: pins, glasses, wearables
    ...terms(2, ['ai pin', 'ai glasses', 'ai眼镜', 'ai终端']),
    ...terms(1.5, ['ai device*', 'ai gadget*', 'ai设备', 'within apps']),
    ...terms(1, ['gadget*', 'wearable*', 'smart glasses', '智能眼镜', '穿戴', '笔电'], AI_CONTEXT),
    term('Recall', 1, 'windows', 'copilot+'),
    ...terms(1, ['snapdragon', '骁龙', '天玑', 'dimensity', 'harmonyos', '鸿蒙', 'neural engine', 'tops', '手机助手', '离线', 'offline', '小模型'], AI_CONTEXT),
    ...terms(0.75, ['phone*', 'smartphone*', 'iphone*', 'android', 'pixel', 'galaxy', 'laptop*', 'pc', 'pcs', '手机', '电脑', 'ios'], AI_CONTEXT),
    ...terms(0.5, ['locally', 'on the device', '隐私', 'privacy'], DEVICE_CONTEXT),
  ],
  exclusions: [],
  stanceCues: [...COMMON_STANCE_CUES, 'privacy concern*', 'blocked', 'blocks', '拦截', '风控', '隐私担忧', '限制'],
};
