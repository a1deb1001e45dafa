/**
 * Prediction 5, 智能制造: multimodal large models, together with the specialised small models
 * factories already use, raise industrial productivity. Evidence: industrial LLMs and copilots
 * (Siemens Industrial Copilot, FoxBrain, 卡奥斯, 盘古), AI quality inspection, digital twins,
 * lighthouse factories; contradicting: pilots that stall, poor factory data, slow adoption.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const AI_CONTEXT = ['ai', 'generative', 'llm*', 'language model*', 'foundation model*', 'copilot*', 'machine learning', 'digital twin*', '人工智能', '人工智慧', '大模型', '模型', '智能', '数字孪生'];
const VISION_CONTEXT = ['ai', 'vision', 'model*', 'machine learning', '视觉', '模型', '智能', 'ai'];

export const smartManufacturingRules: RuleSet = {
  format: 1,
  description: 'Large and small AI models raising productivity in manufacturing and industry.',
  threshold: 2,
  terms: [
    ...terms(2, ['industrial ai', 'industrial copilot', 'industrial foundation model*', 'industrial llm*', 'smart manufacturing', 'smart factor*', 'lighthouse factor*', 'ai powered factor*', 'foxbrain', 'factorytalk']),
    ...terms(2, ['工业大模型', '工业智能', '智能制造', '智能工厂', '灯塔工厂', '智慧工厂', '工业ai', '智慧制造', '制造大模型', '行业大模型', '卡奥斯', 'cosmo gpt', '新型工业化']),
    ...terms(1.5, ['digital twin*', '数字孪生', 'omniverse', 'predictive maintenance', '预测性维护', 'defect detection', '缺陷检测', 'ai质检', 'ai quality inspection', '新质生产力', 'industry 4.0', '工业互联网']),
    ...terms(1, ['quality inspection', '质检', 'production line*', '产线', '生产线'], VISION_CONTEXT),
    ...terms(1, ['manufactur*', 'factory', 'factories', 'industrial', 'plc', 'automation code', '制造业', '生产制造', '制造企业', '制造商', '工业企业', '工厂', '工业', '炼化', '钢铁', '高炉', '煤矿', '石化'], AI_CONTEXT),
    term('盘古', 1, '华为', '大模型'),
    term('Siemens', 0.5, ...AI_CONTEXT),
    term('西门子', 0.5, ...AI_CONTEXT),
    ...terms(0.5, ['supply chain', '供应链', '提质增效', '降本增效', 'productivity', '生产效率'], AI_CONTEXT),
  ],
  exclusions: ['pmi', 'purchasing managers', '采购经理指数'],
  // 缺陷 (defect) is a shared cue but part of the evidence term 缺陷检测 (defect detection) here
  stanceCues: [...COMMON_STANCE_CUES.filter((cue) => cue !== '缺陷'), 'pilot purgatory', 'poor data', '障碍', '缓慢', '难以落地', '试点阶段'],
};
