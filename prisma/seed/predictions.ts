/**
 * The ten predictions of "2024 大模型十大趋势——走进'机器外脑'时代" (Tencent Research Institute,
 * Shanghai Jiao Tong University, Tencent Youtu Lab, Tencent Cloud AI; WAIC, July 2024).
 * Chinese text as written in the report; English a faithful translation. Bump `seedVersion`
 * when a text changes so the seeder updates what is stored (reviews and evidence are kept).
 */
export interface PredictionSeed {
  number: number;
  slug: string;
  seedVersion: number;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  horizon: string | null;
}

export const PREDICTIONS: PredictionSeed[] = [
  {
    number: 1,
    slug: 'compute-clusters',
    seedVersion: 1,
    titleZh: '算力底座：迈向十万卡集群量变，速度和效率双提升',
    titleEn: 'Compute foundation: toward 100,000-accelerator clusters, faster and more efficient',
    summaryZh:
      '生成式 AI 的训练集群规模，已步入万卡量级，正在向十万卡迈进。我们预测集成、网联和分布式是未来一段时间AI Infra核心硬件系统主要演变路线，新一代算力底座能够为机器外脑提供更强大的能量，使其能够处理更加复杂的任务，是新一代人工智能发展的生产要素。',
    summaryEn:
      'Training clusters for generative AI have reached the scale of ten thousand accelerators and are moving toward one hundred thousand. Integration, networking and distribution will be the main lines along which core AI-infrastructure hardware evolves; a new generation of compute gives the machine "external brain" more power for more complex tasks and is a production factor of the new generation of AI.',
    horizon: null,
  },
  {
    number: 2,
    slug: 'reasoning-as-a-service',
    seedVersion: 1,
    titleZh: '推理分析：LLM带来推理能力跃迁，开启“智力即服务”',
    titleEn: 'Reasoning and analysis: LLMs bring a leap in reasoning and open "intelligence as a service"',
    summaryZh:
      '大型语言模型（LLM）为人工智能带来了所未有的推理能力，极大地扩展了机器的认知边界。成为了人类的"智力外脑"，能够提供深入的分析、创造性的解决方案和复杂的决策支持，开启了“智力即服务”（IQaaS）的新时代。这种服务模式让人类的推理能力得以在云端实现，未来，智力将变成像电力一样的公共服务。',
    summaryEn:
      'Large language models bring unprecedented reasoning to AI and greatly widen what machines can understand. They become an "intellectual external brain" offering deep analysis, creative solutions and support for complex decisions, opening an era of "intelligence as a service" (IQaaS): reasoning delivered from the cloud, and in future intelligence becoming a public utility like electricity.',
    horizon: null,
  },
  {
    number: 3,
    slug: 'creative-generation',
    seedVersion: 1,
    titleZh: '创意生成：AIGC应用爆发，降低专业创作门槛',
    titleEn: 'Creative generation: AIGC applications boom and lower the bar for professional creation',
    summaryZh:
      '在这个精神追求引领物质需求的时代，AI的进步与社会文化的演变紧密相连，专注音乐和视频生成的AI平台应运而生，为热爱创作的“斜杠青年”们提供了更低门槛的工具，创建了自我表达和创意释放的新社区。',
    summaryEn:
      'In an age when spiritual pursuits lead material demand, AI progress is bound up with cultural change: AI platforms for music and video generation have emerged, giving creative "slash youth" lower-barrier tools and building new communities for self-expression and creativity.',
    horizon: null,
  },
  {
    number: 4,
    slug: 'emotional-companionship',
    seedVersion: 1,
    titleZh: '情绪感知：LLM赋予机器情感价值，打开人机陪伴市场',
    titleEn: 'Emotion perception: LLMs give machines emotional value and open the human-AI companionship market',
    summaryZh:
      '情感智能是AI领域的新前沿。流式语音识别、多模态AI和情感计算等领域的突破为AI陪伴奠定了技术基础。兼具情商（EQ）与智商（IQ）的大模型将在未来2-3年内打开人机陪伴市场，未来人机陪伴市场将从以互动游戏、兴趣社区为主的年轻人市场，进一步破圈到包括各年龄层的更广泛用户群体。',
    summaryEn:
      'Emotional intelligence is a new frontier of AI. Breakthroughs in streaming speech recognition, multimodal AI and affective computing lay the technical foundation for AI companionship. Large models with both EQ and IQ will open the human-AI companionship market within the next 2-3 years, spreading from a young market centred on interactive games and interest communities to users of all ages.',
    horizon: '2026-2027 (within 2-3 years of July 2024)',
  },
  {
    number: 5,
    slug: 'smart-manufacturing',
    seedVersion: 1,
    titleZh: '智能制造：大模型提升工业新质生产力',
    titleEn: 'Smart manufacturing: large models raise industry\'s "new quality productive forces"',
    summaryZh:
      '在工业领域，多模态大模型有望与当前普遍使用的专用小模型互补融合，并深度赋能工业制造的各个环节，从而推动生产制造的提质增效。通过优化生产流程、提高效率和质量，实现智能制造的新质飞跃。',
    summaryEn:
      'In industry, multimodal large models are expected to complement and merge with the specialised small models in common use today and to empower every link of manufacturing, raising quality and efficiency by optimising production processes: a new leap in smart manufacturing.',
    horizon: null,
  },
  {
    number: 6,
    slug: 'game-agent-training',
    seedVersion: 1,
    titleZh: '游戏环境：大模型与游戏共生，打造Agent最佳训练场',
    titleEn: 'Game environments: large models and games co-evolve, making games the best training ground for agents',
    summaryZh:
      '大模型与游戏环境结合，为AI Agent打造最佳训练场。游戏环境为Agent的训练提供了丰富的场景和数据，这不仅推动了游戏AI的发展，也为AI Agent在其他领域的应用提供了宝贵的经验。',
    summaryEn:
      'Combining large models with game environments creates the best training ground for AI agents. Games provide rich scenarios and data for training agents, advancing game AI and giving valuable experience for applying AI agents in other fields.',
    horizon: null,
  },
  {
    number: 7,
    slug: 'on-device-models',
    seedVersion: 1,
    titleZh: '移动革命：端侧模型优化带来应用入口变革',
    titleEn: 'Mobile revolution: optimised on-device models change the app entry point',
    summaryZh:
      '端侧模型的优化正在改变我们与移动设备的交互方式。随着AI原生OS的发展，操作系统可能会发展成API直接调用的模式，减少对传统图形用户界面的依赖，端+云的混合模型可能更加符合未来长期的发展趋势。',
    summaryEn:
      'Optimised on-device models are changing how we interact with mobile devices. As AI-native operating systems develop, the OS may move to direct API calls, relying less on the traditional graphical interface; hybrid device-plus-cloud models may better fit the long-term trend.',
    horizon: null,
  },
  {
    number: 8,
    slug: 'embodied-intelligence',
    seedVersion: 1,
    titleZh: '具身智能：人型机器人与大模型共同进化，为外脑提供“躯体”',
    titleEn: 'Embodied intelligence: humanoid robots and large models co-evolve, giving the external brain a "body"',
    summaryZh:
      '机器人技术与大模型的结合，为机器外脑提供了“躯体”。大模型的利用极高提升了机器人的学习效率和执行复杂任务的能力，使物理动作更加细腻和灵巧。人型机器人有望成为人工智能的终极载体。',
    summaryEn:
      'Combining robotics with large models gives the machine external brain a "body". Large models greatly raise robots\' learning efficiency and ability to carry out complex tasks, making physical movement finer and more dexterous. Humanoid robots may become the ultimate vehicle of AI.',
    horizon: null,
  },
  {
    number: 9,
    slug: 'open-source-models',
    seedVersion: 1,
    titleZh: '开源共享：开源生态实现降本普惠，推进外脑共享和迭代',
    titleEn:
      'Open source and sharing: the open ecosystem lowers costs for all and drives sharing and iteration of the external brain',
    summaryZh:
      '通过对国内外100多个开源大模型的分析，预计在未来2-3年内，AI开源将迎来繁荣发展，开源大模型从“可用”到“好用”演变。开源社区将推动全球知识分享与技术协同，也为中小企业提供低成本、高效率的解决方案。',
    summaryEn:
      'An analysis of more than 100 open-source large models at home and abroad suggests that within the next 2-3 years open-source AI will flourish and open models will evolve from "usable" to "good". Open communities will drive global knowledge sharing and technical collaboration and give small and medium-sized firms low-cost, efficient solutions.',
    horizon: '2026-2027 (within 2-3 years of July 2024)',
  },
  {
    number: 10,
    slug: 'human-ai-alignment',
    seedVersion: 1,
    titleZh: '人机对齐：人机对齐是大模型产品的重要竞争力，也关乎通用人工智能的未来',
    titleEn:
      'Human-AI alignment: alignment is a key competitive factor for large-model products and shapes the future of AGI',
    summaryZh:
      '随着AI模型越来越有类人能力，如何让AI模型的能力和行为与人类意图一致越来越重要。人机对齐是大模型产品成功的关键，也是实现通用人工智能（AGI）的前提。通过确保AI的行为与人类价值观和目标一致，我们可以构建更加安全、可靠和伦理的AI系统。',
    summaryEn:
      'As AI models grow more human-like, aligning their abilities and behaviour with human intent matters more and more. Alignment is key to the success of large-model products and a precondition for artificial general intelligence (AGI). By keeping AI behaviour consistent with human values and goals we can build safer, more reliable and more ethical AI systems.',
    horizon: null,
  },
];
