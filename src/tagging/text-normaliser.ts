/**
 * Text normalisation shared by rule compilation and article matching. Both sides go through the
 * same function, so a rule written as "開源" or "ＧＰＵ" matches "开源" or "gpu" in an article.
 *
 * Steps, in order:
 *  1. NFKC: full-width Latin, digits and punctuation become half-width ("ＧＰＵ" -> "GPU").
 *  2. Case folding (lower case).
 *  3. Traditional -> simplified Chinese for the characters this domain needs (compact table
 *     below, not a general converter). Vocabulary differences ("晶片" vs "芯片", "伺服器" vs
 *     "服务器") are not spelling and stay the rules' job.
 *  4. Dashes and underscores become spaces, so "open-source", "open source" and "open_source"
 *     are the same text; then whitespace is collapsed and trimmed.
 */

/**
 * Traditional/simplified pairs, two characters each. Limited to characters that occur in AI,
 * hardware, industry, games, robotics, regulation and finance news, plus the commonest function
 * words, because those are what rules and headlines actually contain.
 */
const TRADITIONAL_SIMPLIFIED_PAIRS = [
  // AI, models, computing
  '機机', '開开', '訓训', '練练', '體体', '語语', '雲云', '電电', '腦脑', '網网', '絡络', '據据',
  '數数', '庫库', '術术', '學学', '習习', '處处', '輸输', '準准', '確确', '測测', '驗验', '試试',
  '評评', '軟软', '碼码', '鍵键', '盤盘', '顯显', '檔档', '傳传', '擴扩', '張张', '儲储', '邏逻',
  '輯辑', '鏈链', '錯错', '誤误', '調调', '優优', '構构', '結结', '組组', '織织', '層层', '雙双',
  '單单', '節节', '點点', '線线', '環环', '幾几', '極极', '標标', '種种', '樣样', '設设', '計计',
  '編编', '譯译', '識识', '認认', '證证', '憶忆', '記记', '錄录', '讀读', '寫写', '說说', '話话',
  '問问', '題题', '類类', '歸归', '統统', '應应', '務务', '態态', '變变', '換换', '擬拟', '實实',
  '現现', '際际', '觀观', '見见', '視视', '頻频', '圖图', '聲声', '響响', '導导', '啟启', '動动',
  '驅驱', '億亿', '萬万', '規规', '範范', '輝辉', '偉伟', '華华', '騰腾', '訊讯', '蘋苹',
  '鴻鸿', '筆笔', '側侧', '車车', '輛辆', '頭头', '腳脚', '專专', '屬属', '雜杂', '難难', '賽赛',
  '競竞', '聯联', '協协', '議议', '權权', '質质', '檢检', '產产', '業业', '廠厂', '製制', '裝装',
  '備备', '灣湾', '臺台', '區区', '龍龙', '團团', '隊队', '陣阵', '員员', '藝艺', '畫画', '繪绘',
  '劇剧', '攝摄', '樂乐', '詞词', '創创', '遊游', '戲戏', '場场', '靈灵', '夢梦', '獨独',
  '溫温', '聽听', '覺觉', '愛爱', '戀恋', '寵宠', '護护', '醫医', '療疗', '藥药', '師师',
  '農农', '倉仓', '運运', '達达', '遠远', '連连', '週周', '進进', '過过', '歷历', '門门', '閉闭',
  '間间', '聞闻', '報报', '獎奖', '勞劳', '積积', '級级', '選选', '舉举', '圍围', '衝冲', '擊击',
  '戰战', '紀纪', '約约', '訂订', '詐诈', '騙骗', '偽伪', '濫滥', '倫伦', '責责', '審审', '懼惧',
  '災灾', '禍祸', '緩缓', '罰罚', '歐欧', '條条', '執执', '險险', '風风', '監监', '訟讼', '訴诉',
  '遲迟', '敗败', '廢废', '棄弃', '憂忧', '慮虑', '爭争', '斷断', '壟垄', '稱称', '戶户', '帳账',
  '號号', '遞递', '彙汇', '匯汇', '價价', '貴贵', '購购', '買买', '賣卖', '錢钱', '額额', '虧亏',
  '損损', '漲涨', '東东', '總总', '經经', '濟济', '國国', '銷销', '營营', '廣广', '發发', '佈布',
  // function words and very common characters
  '們们', '這这', '個个', '來来', '時时', '對对', '將将', '與与', '為为', '會会', '從从', '後后',
  '裡里', '麼么', '當当', '還还', '無无', '關关', '係系', '內内', '兒儿', '嗎吗', '雖虽', '讓让',
  '於于', '並并', '隻只', '邊边', '終终', '長长', '閱阅', '讚赞', '義义', '氣气', '麗丽',
  '顆颗', '鐘钟', '頁页', '預预', '領领', '釋释', '飛飞', '簡简', '紹绍',
  '齊齐', '馬马', '鳥鸟', '魚鱼', '園园', '圓圆', '紅红', '藍蓝', '綠绿', '黃黄', '賦赋', '資资',
  '純纯', '淨净', '塊块', '攜携', '帶带', '擁拥', '擠挤', '燈灯', '礎础', '臉脸', '親亲', '陸陆',
  // finance, trade and business
  '財财', '負负', '費费', '貨货', '貿贸', '賺赚', '賠赔', '償偿', '贏赢', '債债', '貸贷', '幣币', '稅税', '賃赁', '獲获', '併并',
  '劃划', '貼贴', '補补', '勵励', '豐丰', '寶宝', '夥伙', '簽签', '諾诺', '職职', '齡龄', '歲岁',
  // setbacks, harm, regulation and dispute (stance cues need these)
  '諂谄', '擔担', '閒闲', '閑闲', '暫暂', '擱搁', '違违', '殺杀', '傷伤', '罷罢', '滯滞', '懷怀', '減减', '縮缩', '壓压', '慘惨',
  '壞坏', '盜盗', '竊窃', '謠谣', '洩泄', '駭骇', '癮瘾', '鬱郁', '騷骚', '擾扰', '誘诱', '礙碍', '嚴严', '驟骤', '驚惊', '鬧闹',
  '懸悬', '攔拦', '決决', '論论', '談谈', '許许', '憲宪', '黨党', '軍军', '衛卫', '禦御',
  // devices, industry, robotics and the web
  '隱隐', '虛虚', '鏡镜', '錶表', '駕驾', '駛驶', '維维', '孿孪', '轉转', '鋼钢', '鐵铁', '礦矿', '煉炼', '熱热', '興兴', '參参',
  '檻槛', '緣缘', '離离', '續续', '遙遥', '養养', '診诊', '輔辅', '尋寻', '瀏浏', '覽览', '書书', '郵邮', '辦办', '銀银', '階阶',
  '輪轮', '觸触', '軌轨', '跡迹', '適适', '勢势', '趨趋', '強强', '複复', '復复', '顧顾', '緒绪', '儀仪', '疊叠', '彈弹', '樞枢',
  '紐纽', '艦舰', '獸兽', '爐炉', '殼壳', '啓启', '綫线', '搖摇', '擺摆', '搶抢', '撥拨', '掛挂', '揮挥', '韓韩', '爾尔', '譜谱',
  '奧奥',
  // more function words
  '卻却', '則则', '該该', '給给', '別别', '兩两', '舊旧', '緊紧', '輕轻', '繼继', '勝胜', '頂顶', '謂谓', '夠够', '誌志', '紙纸',
  '鬥斗', '蓋盖', '慣惯',
];

function buildSimplifyTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const pair of TRADITIONAL_SIMPLIFIED_PAIRS) {
    const [traditional, simplified] = Array.from(pair);
    if (traditional !== simplified) table.set(traditional, simplified);
  }
  return table;
}

const SIMPLIFY = buildSimplifyTable();
const TRADITIONAL_CHAR_PATTERN = new RegExp(`[${Array.from(SIMPLIFY.keys()).join('')}]`, 'gu');
const DASHES_AND_UNDERSCORES = /[-_\u2010-\u2015\u2212]+/g;
const WHITESPACE_RUN = /\s+/g;
/** Fast path: pure printable ASCII needs neither NFKC nor the Chinese table. */
const PRINTABLE_ASCII_ONLY = /^[\x20-\x7e]*$/;

function simplifyChinese(text: string): string {
  return text.replace(TRADITIONAL_CHAR_PATTERN, (char) => SIMPLIFY.get(char) ?? char);
}

/**
 * The definition of normalisation, applied to whole strings. `normaliseText` gives the same
 * result faster; this stays as the fallback and as the reference the tests compare against.
 */
export function normaliseTextReference(text: string): string {
  let result = text;
  if (!PRINTABLE_ASCII_ONLY.test(result)) {
    result = simplifyChinese(result.normalize('NFKC'));
  }
  return result
    .toLowerCase()
    .replace(DASHES_AND_UNDERSCORES, ' ')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

const SPACE = 0x20;
const NEEDS_WHOLE_STRING = -1;
const COMBINING_MARK = /\p{M}/u;

/**
 * What each UTF-16 code unit becomes on its own, or NEEDS_WHOLE_STRING when its result depends
 * on its neighbours: combining marks and Hangul jamo compose under NFKC, the Greek capital sigma
 * lower-cases by position, surrogates belong to pairs, and some characters expand to several.
 */
function buildCharTable(): Int32Array {
  const table = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const char = String.fromCharCode(code);
    const isContextual =
      (code >= 0xd800 && code <= 0xdfff) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f) ||
      (code >= 0xffa0 && code <= 0xffdc) ||
      code === 0x3a3 ||
      COMBINING_MARK.test(char);
    const mapped = isContextual ? '' : simplifyChinese(char.normalize('NFKC')).toLowerCase();
    if (mapped.length !== 1 || COMBINING_MARK.test(mapped)) table[code] = NEEDS_WHOLE_STRING;
    else if (/\s/.test(mapped) || /[-_\u2010-\u2015\u2212]/.test(mapped)) table[code] = SPACE;
    else table[code] = mapped.charCodeAt(0);
  }
  return table;
}

const CHAR_TABLE = buildCharTable();

/**
 * Normalises `text` into `out` (which must hold at least text.length code units) in one pass and
 * returns the normalised length, or -1 when the text needs whole-string normalisation
 * (normaliseTextReference). Same result as normaliseText, without building a string.
 */
export function normaliseInto(text: string, out: Uint16Array): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const mapped = CHAR_TABLE[text.charCodeAt(i)];
    if (mapped === SPACE) {
      if (length > 0) pendingSpace = true;
      continue;
    }
    if (mapped === NEEDS_WHOLE_STRING) return -1;
    if (pendingSpace) {
      out[length++] = SPACE;
      pendingSpace = false;
    }
    out[length++] = mapped;
  }
  return length;
}

let scratch = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le');

/** Normalises text for matching: NFKC, lower case, simplified Chinese, dashes to spaces, collapsed whitespace. */
export function normaliseText(text: string): string {
  if (scratch.length < text.length) scratch = new Uint16Array(text.length * 2);
  const length = normaliseInto(text, scratch);
  return length < 0 ? normaliseTextReference(text) : UTF16.decode(scratch.subarray(0, length));
}

/** How many traditional characters the table knows; exposed for tests and diagnostics. */
export const SIMPLIFIED_CHARACTER_COUNT = SIMPLIFY.size;
