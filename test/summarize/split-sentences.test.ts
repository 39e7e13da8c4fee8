import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/summarize/split-sentences.js';

describe('splitSentences', () => {
  it.each([
    { name: 'English', text: 'Taiwan scrambled jets. Did China respond? Not yet!', sentences: ['Taiwan scrambled jets.', 'Did China respond?', 'Not yet!'] },
    { name: 'a quote ends the sentence', text: '"We will respond." The ministry said so.', sentences: ['"We will respond."', 'The ministry said so.'] },
    { name: 'titles', text: 'Dr. Lin met Mr. Wu and Gen. Ma. They talked.', sentences: ['Dr. Lin met Mr. Wu and Gen. Ma.', 'They talked.'] },
    { name: '"No." before a number, and decimals', text: 'Resolution No. 2758 came up. Growth was 3.5 percent.', sentences: ['Resolution No. 2758 came up.', 'Growth was 3.5 percent.'] },
    { name: 'initials', text: 'J. Smith of Mandiant said so. Then he left.', sentences: ['J. Smith of Mandiant said so.', 'Then he left.'] },
    { name: 'e.g. and i.e. before a capital', text: 'Some groups, e.g. APT31, i.e. Zirconium, were named. Others were not.', sentences: ['Some groups, e.g. APT31, i.e. Zirconium, were named.', 'Others were not.'] },
    { name: '"U.S." inside a sentence', text: 'The U.S. Navy sailed through. China protested.', sentences: ['The U.S. Navy sailed through.', 'China protested.'] },
    { name: '"U.S." at the end of a sentence', text: 'She studied in the U.S. The ship left.', sentences: ['She studied in the U.S.', 'The ship left.'] },
    { name: 'an ellipsis before a capital', text: 'They waited… Then the jets came.', sentences: ['They waited…', 'Then the jets came.'] },
    { name: 'no space after a period is not a break', text: 'Version 2.0 shipped.Nothing else.', sentences: ['Version 2.0 shipped.Nothing else.'] },
    { name: 'Traditional Chinese, no spaces', text: '國防部今天表示。共機逾越中線！真的嗎？是的', sentences: ['國防部今天表示。', '共機逾越中線！', '真的嗎？', '是的'] },
    { name: 'Chinese closing quotes stay with their sentence', text: '「我們將嚴密監控。」發言人說。『好！』然後”結束。”再見', sentences: ['「我們將嚴密監控。」', '發言人說。', '『好！』', '然後”結束。”', '再見'] },
    { name: 'a Chinese opening quote starts the next sentence', text: '他說。“我們不會退讓！”然後離開。', sentences: ['他說。', '“我們不會退讓！”', '然後離開。'] },
    { name: 'Simplified Chinese with a space after 。', text: '台湾国防部周一表示。 其中12架次越过海峡中线。', sentences: ['台湾国防部周一表示。', '其中12架次越过海峡中线。'] },
    { name: 'Japanese', text: '国防部は発表した。中間線を越えた！本当？はい。', sentences: ['国防部は発表した。', '中間線を越えた！', '本当？', 'はい。'] },
    { name: 'Korean', text: '국방부가 밝혔다. 대만은 반발했다! 정말?', sentences: ['국방부가 밝혔다.', '대만은 반발했다!', '정말?'] },
    { name: 'Russian initials and т.е.', text: 'В. Путин заявил об учениях. Т.е. учения продолжатся.', sentences: ['В. Путин заявил об учениях.', 'Т.е. учения продолжатся.'] },
    { name: 'French guillemets and M.', text: 'Il a dit « non. » Puis M. Dupont a répondu.', sentences: ['Il a dit « non. »', 'Puis M. Dupont a répondu.'] },
    { name: 'German dates, z.B. and Dr.', text: 'Am 3. Mai kamen z.B. Jets. Dr. Müller widersprach.', sentences: ['Am 3. Mai kamen z.B. Jets.', 'Dr. Müller widersprach.'] },
    { name: 'Vietnamese TP.', text: 'Chính phủ cho biết. TP. Hồ Chí Minh ổn định.', sentences: ['Chính phủ cho biết.', 'TP. Hồ Chí Minh ổn định.'] },
    { name: 'Thai without punctuation is one sentence', text: 'ตำรวจจีนตั้งค่าหัว แฮกเกอร์ทหารไต้หวัน 20 คน', sentences: ['ตำรวจจีนตั้งค่าหัว แฮกเกอร์ทหารไต้หวัน 20 คน'] },
    { name: 'Thai breaks at newlines', text: 'ตำรวจจีนตั้งค่าหัว\nแฮกเกอร์ทหารไต้หวัน', sentences: ['ตำรวจจีนตั้งค่าหัว', 'แฮกเกอร์ทหารไต้หวัน'] },
    { name: 'Arabic ؟ and ۔', text: 'هل هذا صحيح؟ نعم هذا صحيح۔ وانتهى.', sentences: ['هل هذا صحيح؟', 'نعم هذا صحيح۔', 'وانتهى.'] },
    { name: 'newlines are hard breaks', text: 'Headline without a period\n\nBody starts here. It goes on', sentences: ['Headline without a period', 'Body starts here.', 'It goes on'] },
    { name: 'an abbreviation does not join across a newline', text: 'Signed, Dr.\nNext line.', sentences: ['Signed, Dr.', 'Next line.'] },
    { name: 'empty text', text: '', sentences: [] },
    { name: 'whitespace only', text: ' \n\t ', sentences: [] },
  ])('$name', ({ text, sentences }) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it.each([
    { lang: 'English', count: 3, text: 'Taiwan detected 20 aircraft on Monday. Some crossed the median line, the ministry said. The U.S. State Dept. did not comment.' },
    { lang: 'Traditional Chinese', count: 4, text: '國防部今天表示，偵獲共機20架次。其中12架次逾越海峽中線。國軍嚴密監控！「國軍將持續掌握共軍動態。」' },
    { lang: 'Simplified Chinese', count: 3, text: '台湾国防部周一表示，侦测到20架次军机。其中12架次越过海峡中线！中国国防部尚未回应？' },
    { lang: 'Japanese', count: 3, text: '台湾国防部は21日、中国軍機20機を確認したと発表した。このうち12機が中間線を越えた。国防部は「注視する」とした。' },
    { lang: 'Korean', count: 3, text: '대만 국방부는 중국 군용기 20대를 포착했다고 밝혔다. 이 가운데 12대는 중간선을 넘었다. 국방부는 "주시하겠다"고 말했다.' },
    { lang: 'Russian', count: 3, text: 'Минобороны Тайваня зафиксировало 20 самолётов. Часть из них пересекла срединную линию. Пекин не дал комментариев.' },
    { lang: 'French', count: 3, text: "Taïwan a détecté 20 avions lundi. Selon M. Chen, la pression ne faiblit pas. Pékin n'a pas réagi." },
    { lang: 'German', count: 3, text: 'Taiwan registrierte am 3. Mai 20 Flugzeuge. Laut Dr. Lin will Peking z.B. Wahlen beeinflussen. China schwieg.' },
    { lang: 'Vietnamese', count: 3, text: 'Đài Loan phát hiện 20 máy bay. Một số đã vượt qua đường trung tuyến. Bắc Kinh chưa bình luận.' },
  ])('$lang news lead has $count sentences', ({ text, count }) => {
    expect(splitSentences(text)).toHaveLength(count);
  });
});
