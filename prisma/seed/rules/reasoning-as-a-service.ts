/**
 * Prediction 2, 推理分析: LLM reasoning leaps; intelligence from the cloud as a utility (IQaaS)
 * and "AI digital employees". Evidence: reasoning models (o1, o3, DeepSeek-R1, QwQ, 文心X1),
 * agents that do work (Operator, Agentforce, Manus, 数字员工); contradicting: studies showing
 * reasoning is brittle, agent projects cancelled, hallucination problems.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const OPENAI_MODEL_CONTEXT = ['openai', 'chatgpt', 'model*', 'reasoning', '模型', '推理'];
/** Agents count here when they do work as a service; agents in games belong to prediction 6. */
const WORK_CONTEXT = ['enterprise*', 'business*', 'customer*', 'browser', 'sales', 'employee*', 'workflow*', 'cloud', 'office', 'workers', '企业', '办公', '员工', '客服', '业务', '工作流', '政务', '公文', '云端'];

export const reasoningAsAServiceRules: RuleSet = {
  format: 1,
  description: 'LLM reasoning models and intelligence delivered as a cloud service (agents, digital employees).',
  threshold: 2,
  terms: [
    ...terms(2, ['reasoning model*', 'reasoning ability', 'reasoning capabilit*', 'chain of thought', 'test time compute', 'intelligence as a service', 'iqaas', 'arc agi', 'gsm symbolic', 'deepseek r1', 'qwq', 'kimi k1.5', 'ernie x1', 'agentic ai', 'digital employee*', 'digital worker*', 'digital labor', 'agentforce', 'general purpose agent*', 'general ai agent*']),
    ...terms(2, ['推理模型', '推理能力', '深度思考', '思维链', '慢思考', '智力即服务', '文心x1', '数字员工', '数字公务员', 'ai员工', '通用智能体', '通用agent']),
    term('o1', 2, ...OPENAI_MODEL_CONTEXT),
    term('o3', 2, ...OPENAI_MODEL_CONTEXT),
    term('o4 mini', 2, ...OPENAI_MODEL_CONTEXT),
    term('r1', 1.5, 'deepseek', 'reasoning', '推理'),
    term('Manus', 2, 'agent*', '智能体', 'ai'),
    term('Operator', 1.5, 'openai', 'agent*', 'chatgpt'),
    ...terms(1.5, ['agentic', 'computer use', 'deep research']),
    ...terms(1.5, ['ai agent*', 'ai智能体'], WORK_CONTEXT),
    ...terms(1, ['agent*', '智能体'], WORK_CONTEXT),
    // AI doing customer service is the commonest 'digital employee' in the news
    ...terms(2, ['ai customer service', 'ai客服', '智能客服']),
    ...terms(1.5, ['customer service', 'customer support', '客服'], ['ai', 'chatbot*', 'agent*', 'automat*', '人工智能', '人工智慧', '大模型', '智能体']),
    term('reasoning', 1, 'ai', 'model*', 'llm*', 'openai', 'language model*'),
    term('推理', 0.75, '模型', 'ai', '人工智能', '人工智慧'),
    ...terms(1, ['math olympiad', '数学奥林匹克', 'aime', 'thinking model*', '思考模型']),
    ...terms(0.5, ['benchmark*', '基准测试']),
    ...terms(0.5, ['llm', 'language model*', '语言模型', 'problem solving', 'step by step', 'ai云服务', 'api']),
  ],
  exclusions: ['推理小说', 'mystery novel*', 'detective novel*', '侦探小说'],
  stanceCues: [...COMMON_STANCE_CUES, 'fragile', 'illusion', 'pattern matching', 'hallucinat*', 'agent washing', 'hiring humans', 'rehir*', 'backtrack*', 'reverses course', 'quality suffered', '模式匹配', '错觉', '幻觉', '不靠谱', '回归人工', '重新招聘', '重新雇用'],
};
