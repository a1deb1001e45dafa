import { normaliseText, SIMPLIFIED_CHARACTER_COUNT } from '../../../src/tagging/text-normaliser';

describe('normaliseText', () => {
  it('folds case', () => {
    expect(normaliseText('Nvidia H100 GPUs')).toBe('nvidia h100 gpus');
  });

  it('turns full-width Latin letters, digits and spaces into half-width', () => {
    expect(normaliseText('ＯｐｅｎＡＩ　ｏ１')).toBe('openai o1');
  });

  it('converts traditional Chinese characters of the domain to simplified', () => {
    expect(normaliseText('人形機器人開源模型訓練')).toBe('人形机器人开源模型训练');
    expect(normaliseText('輝達發佈新一代晶片')).toBe('辉达发布新一代晶片');
  });

  it('leaves vocabulary differences alone (晶片 and 芯片 are the rules\' business)', () => {
    expect(normaliseText('晶片')).toBe('晶片');
  });

  it('treats dashes and underscores as spaces so open-source equals open source', () => {
    expect(normaliseText('Open-Source  model—weights_v2')).toBe('open source model weights v2');
  });

  it('collapses and trims whitespace, including newlines and tabs', () => {
    expect(normaliseText('  AI \n\t agents  ')).toBe('ai agents');
  });

  it('is idempotent', () => {
    const once = normaliseText('ＡＩ機器人 Open-Source 開源');
    expect(normaliseText(once)).toBe(once);
  });

  it('knows a few hundred traditional characters', () => {
    expect(SIMPLIFIED_CHARACTER_COUNT).toBeGreaterThan(250);
  });
});
