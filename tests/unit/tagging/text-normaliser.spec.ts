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

  it('converts the traditional characters of setbacks, probes and sycophancy that stance cues need', () => {
    expect(normaliseText('過分諂媚')).toBe('过分谄媚');
    expect(normaliseText('算力閒置 遭調查 懷疑 擱置 暫停 負面影響 擔憂 財報 減少')).toBe(
      '算力闲置 遭调查 怀疑 搁置 暂停 负面影响 担忧 财报 减少',
    );
    expect(normaliseText('強化學習 超級電腦 隱私 自殺 成癮')).toBe('强化学习 超级电脑 隐私 自杀 成瘾');
  });

  it('leaves Taiwanese vocabulary that differs by word, not by character, to the rules', () => {
    expect(normaliseText('輝達晶片 資料中心 人工智慧 機器人 穿戴裝置 伺服器')).toBe(
      '辉达晶片 资料中心 人工智慧 机器人 穿戴装置 伺服器',
    );
  });

  it("leaves vocabulary differences alone (晶片 and 芯片 are the rules' business)", () => {
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

  it("knows OpenCC's traditional characters, not only the hand-picked ones", () => {
    expect(SIMPLIFIED_CHARACTER_COUNT).toBeGreaterThan(3000);
    // Characters no hand-picked pair covers: 鑽 (drill), 譏 (mock), 贓 (loot), 癱 (paralysed).
    expect(normaliseText('鑽研 譏諷 贓款 癱瘓')).toBe('钻研 讥讽 赃款 瘫痪');
  });

  it('leaves characters of the simplified standard alone, but reads 後, 於 and 夥 in their traditional sense', () => {
    expect(normaliseText('著作權 瞭解')).toBe('著作权 瞭解');
    expect(normaliseText('發佈後 於台北 合夥')).toBe('发布后 于台北 合伙');
    expect(normaliseText('帳號')).toBe('账号');
  });
});
