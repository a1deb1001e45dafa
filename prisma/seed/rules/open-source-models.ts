/**
 * Prediction 9, 开源共享: open models go from usable to good within 2-3 years and lower costs for
 * small firms. Evidence: open-weight releases (Llama, Qwen 通义千问, DeepSeek, Mistral, Gemma,
 * gpt-oss, GLM, 文心 open-sourced), open-source weeks, downloads and derivatives; contradicting:
 * "not really open" disputes, disappointing releases, retreats to closed models, "open source
 * will fall behind" claims. Open-source software that is not a model is not evidence.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const MODEL_CONTEXT = ['model*', 'ai', 'llm*', 'weights', 'llama', 'qwen', 'deepseek', 'mistral', 'gemma', 'hugging face', 'parameter*', '模型', '大模型', '权重', '人工智能', '人工智慧', '参数'];

export const openSourceModelsRules: RuleSet = {
  format: 1,
  description: 'Open-source and open-weight AI models maturing and lowering costs.',
  threshold: 2,
  terms: [
    ...terms(2, ['open source model*', 'open source ai', 'open source llm*', 'open weight*', 'open weights model*', 'openly licensed model*', 'gpt oss', 'open sourced its model*', 'open sources']),
    ...terms(2, ['开源模型', '开源大模型', '开源权重', '开源周', '开源ai', '开源人工智能', '宣布开源', '全面开源', '正式开源', '开源发布']),
    term('open source', 1.5, ...MODEL_CONTEXT),
    term('开源', 1.5, ...MODEL_CONTEXT),
    term('open model*', 1.5, 'ai', 'weights', 'parameter*', 'download*', 'license', 'closed', 'llm*', 'meta', 'openai', 'google', 'llama', 'superintelligence'),
    ...terms(1.5, ['hugging face', 'modelscope', '魔搭', '模型权重', 'model weights', '衍生模型', 'derivative model*']),
    term('Llama', 1, 'meta', ...MODEL_CONTEXT),
    term('Gemma', 1.5, 'google', ...MODEL_CONTEXT),
    term('Mistral', 1, ...MODEL_CONTEXT),
    ...terms(1, ['qwen*', '通义千问', '千问', 'glm', '智谱', 'deepseek', 'open source initiative', 'apache 2.0', 'mit license', 'mit许可证', '可商用', 'free to download', '开放下载', '免费下载', 'weights', '权重'], MODEL_CONTEXT),
    ...terms(0.75, ['closed source', 'closed model*', '闭源', 'github'], MODEL_CONTEXT),
  ],
  exclusions: ['开源节流', 'office suite', '办公套件', 'container orchestration', '开源操作系统', 'open source operating system'],
  stanceCues: [...COMMON_STANCE_CUES, 'not open source', 'cannot be called', 'does not meet', 'open washing', 'accus*', 'benchmark gaming', 'gaming benchmarks', 'closed one', 'retreat*', 'go closed', 'going closed', '刷榜', '刷分', '转向闭源', '不开源', '伪开源'],
};
