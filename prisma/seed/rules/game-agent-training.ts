/**
 * Prediction 6, 游戏环境: games and large models co-evolve; games become the best training ground
 * for AI agents. Evidence: agents trained or tested in games (SIMA, Minecraft/Project Sid,
 * Pokémon runs), world models that generate playable environments (Genie, Muse), LLM-driven NPCs
 * (Nvidia ACE, 逆水寒, GiiNEX). Game launches and esports without AI are not evidence.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const AI_CONTEXT = [
  'ai',
  'agent*',
  'model*',
  'llm*',
  'claude',
  'gemini',
  'deepmind',
  'openai',
  '智能体',
  '大模型',
  '模型',
  '人工智能',
  '人工智慧',
];
const GAME_CONTEXT = [
  'game*',
  'gaming',
  'gameplay',
  'minecraft',
  'pokémon',
  'pokemon',
  'npc*',
  '游戏',
  '我的世界',
  '宝可梦',
];

export const gameAgentTrainingRules: RuleSet = {
  format: 1,
  description: 'Games as training grounds for AI agents; games and large models evolving together.',
  threshold: 2,
  terms: [
    ...terms(2, [
      'game agent*',
      'gaming agent*',
      'ai npc*',
      'project sid',
      'genie 2',
      'genie 3',
      'giinex',
      'co playable',
      'playable world*',
      'interactive world*',
    ]),
    ...terms(2, ['游戏智能体', '游戏ai', '智能npc', '游戏大模型', '游戏环境', '训练场', 'ai队友']),
    term('SIMA', 2, 'deepmind', 'agent*', '智能体', ...GAME_CONTEXT),
    term('Muse', 2, 'xbox', 'gameplay', '游戏'),
    term('ACE', 1.5, 'nvidia', '英伟达', 'npc*'),
    term('Genie', 1, 'deepmind', 'world model*', '世界模型'),
    term('绝悟', 2, '腾讯', '王者荣耀'),
    ...terms(
      1.5,
      ['world model*', '世界模型', 'game environment*', 'training ground*', 'ai teammate*', 'game ai'],
      [...AI_CONTEXT, ...GAME_CONTEXT],
    ),
    ...terms(
      1,
      ['minecraft', '我的世界', 'pokémon', 'pokemon', '宝可梦', 'starcraft', '星际争霸', 'dota', 'npc*', 'xbox'],
      AI_CONTEXT,
    ),
    ...terms(0.75, ['agent*', '智能体', 'reinforcement learning', '强化学习'], GAME_CONTEXT),
    // AI reaching the people who make games and the characters players talk to
    ...terms(1.5, ['ai character*', 'ai角色', 'ai驱动的角色', 'ai driven character*'], GAME_CONTEXT),
    ...terms(
      1,
      [
        'game developer*',
        'game studio*',
        'games industry',
        'game industry',
        'gaming industry',
        'game compan*',
        'game maker*',
        '游戏开发者',
        '游戏开发商',
        '游戏行业',
        '游戏产业',
        '游戏公司',
        '游戏厂商',
        '游戏工作室',
      ],
      AI_CONTEXT,
    ),
    ...terms(0.75, ['video game*', '电子游戏'], AI_CONTEXT),
    ...terms(0.5, ['game*', 'gameplay', '游戏', '手游', '王者荣耀'], AI_CONTEXT),
  ],
  exclusions: ['box office', '票房'],
  stanceCues: [...COMMON_STANCE_CUES],
};
