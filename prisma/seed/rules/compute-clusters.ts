/**
 * Prediction 1, 算力底座: training clusters grow from 10k toward 100k accelerators; integrated,
 * networked, distributed AI infrastructure. Evidence: cluster build-outs (Colossus, Stargate,
 * 万卡/十万卡集群, 智算中心), the accelerators and interconnects they are made of; contradicting:
 * chip delays, lease cancellations, doubts about compute demand (the DeepSeek shock).
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const ACCELERATOR_CONTEXT = ['gpu*', 'accelerator*', 'training', 'h100', 'h200', 'b200', 'nvidia', 'blackwell', 'trainium', 'tpu*', 'ai', '算力', '英伟达', '辉达', '加速卡', '训练', '智算', '昇腾'];
/** AI in mainland (人工智能) and Taiwanese (人工智慧) usage. */
const AI_WORDS = ['ai', 'gpu*', 'training', '算力', '人工智能', '人工智慧', '智算', '训练'];
/** What "capacity", "leases" and "buildouts" are about when they are compute news. */
const BUILD_CONTEXT = ['data center*', 'data centre*', 'datacenter*', 'gpu*', 'megawatt*', 'gigawatt*', 'compute', 'computing', '数据中心', '算力'];

export const computeClustersRules: RuleSet = {
  format: 1,
  description: 'AI training clusters and compute infrastructure scaling toward 100k accelerators.',
  threshold: 2,
  terms: [
    ...terms(2, ['万卡集群', '十万卡', '万卡', '百万卡', '智算中心', '智算集群', '算力集群', 'gpu集群', '训练集群', '超算集群', 'ai超算', '算力基础设施', '智能算力']),
    ...terms(2, ['ai supercomputer', 'ai data center', 'ai infrastructure', 'gpu cluster', 'training cluster', 'supercluster', '100,000 gpu', '100,000 h100', 'nvl72', 'gb200', 'gb300', 'megascale', 'project rainier']),
    term('Colossus', 2, 'xai', 'gpu*', 'nvidia', 'musk', 'supercomputer', '超算', '集群', '英伟达', '马斯克'),
    term('Stargate', 2, 'openai', 'softbank', 'oracle', 'data center*', '数据中心', '软银', '甲骨文'),
    term('星际之门', 2, 'openai', '软银', '甲骨文', '数据中心'),
    term('Blackwell', 1.5, 'nvidia', 'gpu*', 'chip*', '英伟达', '辉达', '芯片', '晶片', 'b200'),
    ...terms(1.5, ['b200', 'trainium', 'infiniband', 'nvlink', '加速卡', 'exaflop*', 'eflops', 'ai infra', '昇腾集群', 'ai算力', 'ai server*', 'ai服务器', '算力租赁', 'compute capacity', 'computing capacity', 'computing power']),
    ...terms(2, ['ai基础设施', 'ai data centre', 'ai datacenter*']),
    // a model trained on some H100s is not cluster news on its own: chip names weigh 0.75
    ...terms(0.75, ['h100', 'h200', 'h800', 'mi300']),
    ...terms(1, ['昇腾', 'ascend 910', 'ai chip*', 'ai芯片', 'ai晶片', 'ai硬件', '算力', 'supercomputer*', '超算', '超级电脑', '超级计算机', 'megatron']),
    term('h20', 1, 'nvidia', '英伟达', '辉达', 'chip*', '芯片', '晶片'),
    term('tpu', 1, 'google', '谷歌', 'cluster*', '集群', 'training', '训练'),
    term('cluster', 1, ...ACCELERATOR_CONTEXT),
    term('集群', 0.75, ...ACCELERATOR_CONTEXT),
    term('data center', 0.75, ...AI_WORDS),
    term('data centre', 0.75, ...AI_WORDS),
    term('datacenter*', 0.75, ...AI_WORDS),
    term('数据中心', 0.75, ...AI_WORDS),
    term('资料中心', 0.75, ...AI_WORDS),
    ...terms(0.75, ['infrastructure', '基础设施', 'server*', '服务器', '伺服器'], AI_WORDS),
    ...terms(1, ['lease*', 'buildout*', 'build out', 'capacity'], BUILD_CONTEXT),
    term('租赁', 0.75, '算力', '数据中心', 'gpu', '智算'),
    term('gigawatt*', 1, 'ai', 'data center*', '数据中心'),
    term('capex', 0.75, 'ai', 'data center*'),
    ...terms(0.5, ['gpu', 'nvidia', '英伟达', '辉达', 'hyperscaler*', 'megawatt*', 'liquid cooled', '液冷', 'trillion parameter*', '万亿参数']),
    term('accelerator*', 0.5, 'ai', 'gpu*', 'training'),
  ],
  exclusions: ['kubernetes', 'k8s', '容器服务', 'microservice*', '微服务', '产业集群', 'industrial cluster*', 'star cluster*', '星团'],
  stanceCues: [...COMMON_STANCE_CUES, 'overbuil*', 'oversupply', 'flaw*', 'glut', 'fewer chips', 'fewer gpus', '过热', '产能过剩', '过剩', '更少的算力'],
};
