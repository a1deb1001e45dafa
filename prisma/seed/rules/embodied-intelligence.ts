/**
 * Prediction 8, 具身智能: humanoid robots and large models co-evolve; the external brain gets a
 * body. Evidence: humanoids (Figure, Optimus, Unitree 宇树, Atlas, 智元, 优必选), robot foundation
 * and vision-language-action models (Gemini Robotics, π0, GO-1, Helix); contradicting:
 * teleoperated demos, production delays, investors doubting commercialisation. Robot vacuums and
 * plain industrial automation are not evidence.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const ROBOT_CONTEXT = ['robot*', 'humanoid*', '机器人', '具身'];

export const embodiedIntelligenceRules: RuleSet = {
  format: 1,
  description: 'Humanoid robots and embodied AI: large models as the brain of physical robots.',
  threshold: 2,
  terms: [
    // "embodied AI" alone in a summary (world-model and game stories say it too) is not enough
    ...terms(1.5, ['embodied ai', 'embodied intelligence', 'embodied agent*', '具身智能', '具身大模型', '具身模型']),
    ...terms(2, [
      'humanoid robot*',
      'humanoid*',
      'robot foundation model*',
      'robotics foundation model*',
      'vision language action',
      'gemini robotics',
      'physical ai',
      'unitree',
      'agibot',
      'figure ai',
      'optimus robot*',
      'tesla bot',
    ]),
    ...terms(2, [
      '人形机器人',
      '人型机器人',
      '仿人机器人',
      '机器人大模型',
      '通用机器人',
      '视觉 语言 动作',
      '宇树',
      '智元机器人',
    ]),
    term('Optimus', 2, 'tesla', '特斯拉', ...ROBOT_CONTEXT),
    term('Figure', 1.5, ...ROBOT_CONTEXT),
    term('Helix', 1.5, 'figure', ...ROBOT_CONTEXT),
    term('Atlas', 1.5, 'boston dynamics', ...ROBOT_CONTEXT),
    term('智元', 1.5, ...ROBOT_CONTEXT),
    term('天工', 1, ...ROBOT_CONTEXT),
    term('vla', 1.5, 'robot*', 'model*', '机器人', '模型'),
    term('pi zero', 1.5, ...ROBOT_CONTEXT),
    term('π0', 1.5, ...ROBOT_CONTEXT),
    ...terms(1.5, [
      'boston dynamics',
      'physical intelligence',
      '优必选',
      'ubtech',
      'walker s',
      '具身',
      'dexterous hand*',
      '灵巧手',
      'robot brain*',
      '机器人大脑',
    ]),
    ...terms(1, ['robot', 'robots', 'robotic*', '机器人']),
    ...terms(
      0.5,
      ['physical world', '物理世界', 'imitation learning', '模仿学习', 'teleoperat*', '遥操作'],
      ROBOT_CONTEXT,
    ),
  ],
  exclusions: [
    'robot vacuum*',
    'robotic vacuum*',
    'robot mop*',
    'robot lawn*',
    'vacuum robot*',
    '扫地机器人',
    '扫地机',
    '洗地机',
    '割草机器人',
    '泳池机器人',
  ],
  stanceCues: [
    ...COMMON_STANCE_CUES,
    'teleoperat*',
    'remotely operated',
    'remote controlled',
    '遥控',
    '遥操作',
    '商业化路径不清',
  ],
};
