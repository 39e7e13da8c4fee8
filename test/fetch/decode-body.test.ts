import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { StraitwatchError } from '../../src/core/errors.js';
import { canonicalCharset, charsetFromContentType, decodeBody } from '../../src/fetch/decode-body.js';
import { rss2 } from '../support/feeds.js';

const TEXT = {
  zhHant: '臺灣國防部：共機擾台，國軍嚴密監控臺海周邊動態。今日共有二十架次共機逾越海峽中線，進入我西南防空識別區。',
  // 镕 and 堃 are in GBK but not in GB2312: a decoder that really used GB2312 would fail on them.
  zhHansGbk: '台湾海峡局势引关注。朱镕基、王堃出席座谈会，外交部发言人表示坚决反对任何形式的分裂活动，呼吁有关方面停止挑衅。',
  // 𠮷 and 䶮 take four bytes in GB18030 and have no GBK code at all.
  zhHans18030: '台湾海峡局势引关注。东部战区组织海空兵力在台岛周边开展联合战备警巡，𠮷与䶮两字检验四字节编码。',
  ja: '台湾海峡の緊張が高まる。防衛省によると、中国軍機が台湾の防空識別圏に進入した。政府は情報収集を続けている。',
  ko: '대만 해협 긴장 고조. 중국 군용기가 대만 방공식별구역에 진입했다고 국방부가 밝혔다. 정부는 상황을 주시하고 있다.',
  en1252: '“Taiwan Strait” drills – the PLA’s ‘Joint Sword’ exercise cost €2bn — café owners in Kinmen worry',
  mixed: '臺灣國防部：共機擾台 / 台湾海峡局势引关注 / 台湾海峡の緊張 / 대만 해협 긴장 / “€”',
};

/** A small RSS document carrying `text`; `declared` goes into the XML prolog, none when omitted. */
function feed(text: string, declared?: string): string {
  const xml = rss2([{ title: text, description: text, link: 'https://www.mnd.gov.tw/news/1' }], { title: text, ...(declared && { encoding: declared }) });
  return declared ? xml : xml.replace(' encoding="UTF-8"', '');
}

interface LegacyCase {
  name: string;
  text: string;
  /** iconv-lite encoder that produces the bytes. */
  encoder: string;
  /** Label a server or the prolog uses. */
  label: string;
  /** WHATWG name decodeBody reports. */
  charset: string;
  /** What a sniff finds, for the CJK charsets; undefined when a sniff is not expected to work. */
  sniffed?: string;
}

const LEGACY: LegacyCase[] = [
  { name: 'Big5', text: TEXT.zhHant, encoder: 'big5', label: 'big5', charset: 'big5', sniffed: 'big5' },
  { name: 'GBK', text: TEXT.zhHansGbk, encoder: 'gbk', label: 'gbk', charset: 'gbk', sniffed: 'gb18030' },
  { name: 'GBK labelled gb2312', text: TEXT.zhHansGbk, encoder: 'gbk', label: 'gb2312', charset: 'gbk', sniffed: 'gb18030' },
  { name: 'GB18030', text: TEXT.zhHans18030, encoder: 'gb18030', label: 'GB18030', charset: 'gb18030', sniffed: 'gb18030' },
  { name: 'Shift_JIS', text: TEXT.ja, encoder: 'shift_jis', label: 'Shift_JIS', charset: 'shift_jis', sniffed: 'shift_jis' },
  { name: 'EUC-JP', text: TEXT.ja, encoder: 'euc-jp', label: 'EUC-JP', charset: 'euc-jp', sniffed: 'euc-jp' },
  { name: 'EUC-KR', text: TEXT.ko, encoder: 'euc-kr', label: 'euc-kr', charset: 'euc-kr', sniffed: 'euc-kr' },
  { name: 'windows-1252', text: TEXT.en1252, encoder: 'windows-1252', label: 'windows-1252', charset: 'windows-1252' },
  // WHATWG decodes "iso-8859-1" as windows-1252, so 0x80 is still € as the publisher meant.
  { name: 'windows-1252 labelled iso-8859-1', text: TEXT.en1252, encoder: 'windows-1252', label: 'iso-8859-1', charset: 'windows-1252' },
];

const encode = (text: string, encoder: string, options?: { addBOM?: boolean }) => new Uint8Array(iconv.encode(text, encoder, options));

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('decodeBody', () => {
  it('the GBK fixture really needs GBK: 镕 and 堃 fall outside the GB2312 (EUC-CN) byte ranges', () => {
    const inEucCn = (lead: number, trail: number) => lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
    for (const char of ['镕', '堃']) {
      const [lead, trail] = iconv.encode(char, 'gbk');
      expect(inEucCn(lead!, trail!), char).toBe(false);
    }
  });

  it.each(LEGACY)('$name: charset from the Content-Type header', ({ text, encoder, label, charset }) => {
    const xml = feed(text);
    expect(decodeBody(encode(xml, encoder), `application/rss+xml; charset=${label}`)).toEqual({ text: xml, charset, source: 'header' });
  });

  it.each(LEGACY)('$name: charset from the XML prolog only', ({ text, encoder, label, charset }) => {
    const xml = feed(text, label);
    expect(decodeBody(encode(xml, encoder), 'application/rss+xml')).toEqual({ text: xml, charset, source: 'prolog' });
  });

  it.each(LEGACY.filter((c) => c.sniffed))('$name: sniffed when nothing declares a charset', ({ text, encoder, sniffed }) => {
    const xml = feed(text);
    expect(decodeBody(encode(xml, encoder), 'application/rss+xml')).toEqual({ text: xml, charset: sniffed, source: 'sniff' });
  });

  it.each([
    { name: 'UTF-8 with BOM', xml: feed(TEXT.mixed, 'UTF-8'), encoder: 'utf-8', bom: true, contentType: 'application/rss+xml', charset: 'utf-8', source: 'bom' },
    { name: 'UTF-16LE with BOM', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16le', bom: true, contentType: undefined, charset: 'utf-16le', source: 'bom' },
    { name: 'UTF-16BE with BOM', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16be', bom: true, contentType: undefined, charset: 'utf-16be', source: 'bom' },
    // RFC 7303 §3.3: the BOM cannot be wrong, a header often is.
    { name: 'UTF-8 BOM outranks a header saying big5', xml: feed(TEXT.mixed), encoder: 'utf-8', bom: true, contentType: 'text/xml; charset=big5', charset: 'utf-8', source: 'bom' },
    { name: 'UTF-16LE BOM outranks a header saying utf-8', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16le', bom: true, contentType: 'text/xml; charset=utf-8', charset: 'utf-16le', source: 'bom' },
    { name: 'UTF-16LE without BOM, <?xml prolog says UTF-16', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16le', bom: false, contentType: 'application/xml', charset: 'utf-16le', source: 'prolog' },
    { name: 'UTF-16BE without BOM, <?xml prolog says UTF-16', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16be', bom: false, contentType: 'application/xml', charset: 'utf-16be', source: 'prolog' },
    { name: 'UTF-16BE without BOM, header says utf-16be', xml: feed(TEXT.mixed), encoder: 'utf-16be', bom: false, contentType: 'application/xml; charset=utf-16be', charset: 'utf-16be', source: 'header' },
    // "utf-16" names no byte order: the "<?" bytes tell it, as they do for the prolog.
    { name: 'UTF-16BE without BOM, header says utf-16', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16be', bom: false, contentType: 'application/xml; charset=utf-16', charset: 'utf-16be', source: 'header' },
    { name: 'UTF-16LE without BOM, header says utf-16', xml: feed(TEXT.mixed, 'UTF-16'), encoder: 'utf-16le', bom: false, contentType: 'application/xml; charset=utf-16', charset: 'utf-16le', source: 'header' },
    { name: 'UTF-8 from the header', xml: feed(TEXT.mixed), encoder: 'utf-8', bom: false, contentType: 'application/rss+xml; charset=UTF-8', charset: 'utf-8', source: 'header' },
    { name: 'UTF-8 with no label at all', xml: feed(TEXT.mixed), encoder: 'utf-8', bom: false, contentType: undefined, charset: 'utf-8', source: 'sniff' },
  ])('$name', ({ xml, encoder, bom, contentType, charset, source }) => {
    expect(decodeBody(encode(xml, encoder, { addBOM: bom }), contentType)).toEqual({ text: xml, charset, source });
  });

  it.each([
    { name: 'header says utf-8 but the bytes are Big5 with a big5 prolog', contentType: 'application/rss+xml; charset=utf-8', declared: 'big5', source: 'prolog' },
    { name: 'unknown header label "x-big5-bogus" is ignored for the prolog', contentType: 'text/xml; charset=x-big5-bogus', declared: 'big5', source: 'prolog' },
    { name: 'unknown header label and no prolog: sniffed', contentType: 'text/xml; charset=x-big5-bogus', declared: undefined, source: 'sniff' },
    { name: 'quoted, mixed-case header label', contentType: 'text/xml; charset="Big5"', declared: undefined, source: 'header' },
  ])('mislabelled Big5: $name', ({ contentType, declared, source }) => {
    const xml = feed(TEXT.zhHant, declared);
    expect(decodeBody(encode(xml, 'big5'), contentType)).toEqual({ text: xml, charset: 'big5', source });
  });

  it('windows-1252 decodes every byte 0x80–0x9F as WHATWG does, not as ISO-8859-1 C1 controls', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // iconv-lite leaves the five bytes windows-1252 never assigned undefined; WHATWG maps them to U+0081 etc.
    const expected = [...iconv.decode(Buffer.from(bytes), 'windows-1252')].map((char, i) => (char === '\ufffd' ? String.fromCharCode(0x80 + i) : char)).join('');
    expect(decodeBody(bytes, 'text/plain; charset=windows-1252')).toEqual({ text: expected, charset: 'windows-1252', source: 'header' });
  });

  it('an override wins over a header and prolog that both say gbk for Big5 bytes', () => {
    const xml = feed(TEXT.zhHant, 'gbk');
    const bytes = encode(xml, 'big5');
    // Big5 bytes also decode as GBK without errors, so only the override can get this feed right.
    const trusted = decodeBody(bytes, 'text/xml; charset=gbk');
    expect(trusted.source).toBe('header');
    expect(trusted.text).not.toBe(xml);
    expect(decodeBody(bytes, 'text/xml; charset=gbk', 'big5')).toEqual({ text: xml, charset: 'big5', source: 'override' });
  });

  it('an override with an unknown label throws decode-failed naming the label', () => {
    const error = thrown(() => decodeBody(encode(feed(TEXT.zhHant), 'big5'), 'text/xml', 'x-big5'));
    expect(error).toBeInstanceOf(StraitwatchError);
    expect((error as StraitwatchError).code).toBe('decode-failed');
    expect((error as StraitwatchError).message).toContain('"x-big5"');
  });
});

describe('canonicalCharset', () => {
  it.each([
    { label: 'Big5', charset: 'big5' },
    { label: 'gb2312', charset: 'gbk' },
    { label: 'x-sjis', charset: 'shift_jis' },
    { label: 'latin1', charset: 'windows-1252' },
    { label: ' UTF-8 ', charset: 'utf-8' },
    { label: 'x-big5-bogus', charset: undefined },
    { label: '', charset: undefined },
  ])('"$label" → $charset', ({ label, charset }) => expect(canonicalCharset(label)).toBe(charset));
});

describe('charsetFromContentType', () => {
  it.each([
    { contentType: 'text/xml; charset=big5', label: 'big5' },
    { contentType: 'application/rss+xml;charset="UTF-8"', label: 'UTF-8' },
    { contentType: 'text/xml; CHARSET = gbk', label: 'gbk' },
    { contentType: 'text/xml; format=flowed; charset=euc-kr', label: 'euc-kr' },
    { contentType: 'application/rss+xml', label: undefined },
    { contentType: undefined, label: undefined },
  ])('$contentType → $label', ({ contentType, label }) => expect(charsetFromContentType(contentType)).toBe(label));
});
