/**
 * Prediction 3, 创意生成: AIGC (text, image, music, video) lowers the bar for professional
 * creation. Evidence: generators and their releases (Sora, Veo, Kling 可灵, Vidu, Runway, Suno,
 * Udio, Midjourney, Firefly), AI films and short dramas; contradicting: copyright suits,
 * plagiarism claims, deepfake harms, strikes against AI.
 */
import type { RuleSet } from '../../../src/tagging/rule-set.types';
import { COMMON_STANCE_CUES, term, terms } from './common';

const VIDEO_CONTEXT = ['video*', 'film*', 'ai', 'openai', 'clip*', '视频', '生成', '影片'];
const MUSIC_CONTEXT = ['music', 'song*', 'ai', 'label*', '音乐', '歌曲', '唱片'];
const IMAGE_CONTEXT = ['image*', 'ai', 'art*', '图片', '图像', '绘画', '生成'];

export const creativeGenerationRules: RuleSet = {
  format: 1,
  description: 'Generative AI for video, images, music and writing lowering the bar for creative work.',
  threshold: 2,
  terms: [
    ...terms(2, ['aigc', 'text to video', 'text to image', 'image to video', 'video generat*', 'image generat*', 'music generat*', 'ai music', 'ai video*', 'ai art', 'ai generated video*', 'ai generated image*', 'ai film*', 'ai animation', 'generative video', 'stable diffusion', 'dall e', 'midjourney', 'udio', 'gen 3', 'kling', 'dreamina', 'seedance', 'nano banana']),
    ...terms(2, ['文生视频', '文生图', '图生视频', '文生音乐', '视频生成', '图像生成', '音乐生成', '视频大模型', 'ai音乐', 'ai视频', 'ai绘画', 'ai绘图', 'ai短剧', 'ai漫剧', 'ai动画', 'ai作曲', '可灵', '即梦', 'aigc动画', '生成式视频']),
    term('Sora', 2, ...VIDEO_CONTEXT),
    term('Veo', 2, 'google', '谷歌', ...VIDEO_CONTEXT),
    term('Vidu', 2, ...VIDEO_CONTEXT),
    term('Runway', 2, ...VIDEO_CONTEXT),
    term('Pika', 1.5, ...VIDEO_CONTEXT),
    term('海螺', 1.5, '视频', 'minimax', 'ai'),
    term('Suno', 2, ...MUSIC_CONTEXT),
    term('Firefly', 2, 'adobe', ...IMAGE_CONTEXT),
    term('Imagen', 1.5, 'google', '谷歌', ...IMAGE_CONTEXT),
    term('Ghibli', 1.5, 'ai', 'chatgpt', 'openai', 'image*'),
    term('吉卜力', 1.5, 'ai', 'chatgpt', 'openai', '图片'),
    ...terms(2, ['影片生成', 'ai影片']),
    ...terms(1.5, ['generative extend', '生成影片', 'elevenlabs', 'voice clon*', '生成视频', '生成图片', '生成音乐', 'ai生成', 'ai generated', 'ai创作', '创作门槛']),
    term('copyright*', 0.75, 'ai', 'model*', 'generat*', 'train*'),
    term('版权', 0.75, 'ai', '模型', '生成', '训练'),
    term('著作权', 0.75, 'ai', '模型', '生成', '训练'),
    ...terms(0.75, ['filmmaker*', 'creators', 'artists', '创作者', '设计师', '影视', '短片', 'short film*'], ['ai', '生成', 'generat*']),
    ...terms(0.5, ['generative ai', '生成式ai', '生成式人工智能', '生成式人工智慧', 'adobe']),
  ],
  exclusions: [],
  stanceCues: [...COMMON_STANCE_CUES, 'plagiar*', 'deepfake*', 'on strike', 'strikes over ai', 'without permission', 'unauthori*', '抄袭', '深度伪造', '未经许可', '侵犯版权', '罢工'],
};
