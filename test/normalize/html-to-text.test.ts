import { describe, expect, it } from 'vitest';
import { collapseWhitespace, htmlToText } from '../../src/normalize/html-to-text.js';

describe('htmlToText', () => {
  it.each([
    { name: 'named, decimal and hex entities', html: 'Caf&eacute; &amp; tea&nbsp;house &#21488;&#x7063;', text: 'Café & tea house 台灣' },
    { name: 'escaped markup stays text', html: 'a &lt;b&gt; tag', text: 'a <b> tag' },
    { name: 'a bare ampersand', html: 'AT&T buys', text: 'AT&T buys' },
    { name: 'script, style and noscript dropped', html: '<script>alert("x")</script><style>p { color: red }</style>Visible<noscript>enable JS</noscript>', text: 'Visible' },
    { name: 'iframe and svg dropped', html: 'Before<iframe src="https://ads.example/"></iframe><svg><text>chart</text></svg> after', text: 'Before after' },
    { name: 'paragraphs become a blank line', html: '<p>One</p><p>Two</p>', text: 'One\n\nTwo' },
    { name: 'br becomes a line break', html: 'line<br>break<br/>again', text: 'line\nbreak\nagain' },
    { name: 'list items each on a line', html: '<ul><li>x</li><li>y</li></ul>', text: 'x\n\ny' },
    { name: 'inline tags join without breaks', html: 'Taiwan <em>rejects</em> <a href="/x">claims</a>', text: 'Taiwan rejects claims' },
    { name: 'runs of spaces and tabs collapse', html: '  a   b\t\tc  ', text: 'a b c' },
    { name: 'three or more line breaks become one blank line', html: 'plain\n\n\n\ntext', text: 'plain\n\ntext' },
    { name: 'decomposed é becomes composed (NFC)', html: 'Cafe\u0301', text: 'Caf\u00e9' },
    { name: 'decomposed é inside markup becomes composed', html: '<p>re\u0301sume\u0301</p>', text: 'r\u00e9sum\u00e9' },
    { name: 'Traditional Chinese untouched', html: '<p>臺灣海峽 共機擾台</p>', text: '臺灣海峽 共機擾台' },
    { name: 'Simplified Chinese and Japanese untouched', html: '台湾海峡局势 &amp; 台湾海峡の緊張', text: '台湾海峡局势 & 台湾海峡の緊張' },
    { name: 'emoji with skin tone, ZWJ family and flag intact', html: '<b>👍🏽</b> 👨‍👩‍👧 🇹🇼', text: '👍🏽 👨‍👩‍👧 🇹🇼' },
    { name: 'zero-width space and BOM removed', html: 'APT\u200B41\uFEFF', text: 'APT41' },
    { name: 'ZWNJ kept: it is spelling in Persian', html: 'می\u200Cخواهم', text: 'می\u200Cخواهم' },
    { name: 'broken markup costs nothing', html: '<p>Unclosed <b>bold <i>and italic', text: 'Unclosed bold and italic' },
    { name: 'empty', html: '', text: '' },
  ])('$name', ({ html, text }) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([
    { name: 'paragraphs join with a space', html: '<p>One</p><p>Two</p>', text: 'One Two' },
    { name: 'line breaks join with a space', html: 'line<br>break\nagain', text: 'line break again' },
    { name: 'no-break space collapses too', html: 'a&nbsp;&nbsp;b', text: 'a b' },
  ])('keepParagraphs: false, $name', ({ html, text }) => {
    expect(htmlToText(html, { keepParagraphs: false })).toBe(text);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    { name: 'keeps paragraphs', text: ' a  b \n\n\n\n c ', keepParagraphs: true, expected: 'a b\n\nc' },
    { name: 'flattens to one line', text: ' a  b \n\n\n\n c ', keepParagraphs: false, expected: 'a b c' },
    { name: 'trims whitespace-only lines', text: 'a\n \t \nb', keepParagraphs: true, expected: 'a\n\nb' },
  ])('$name', ({ text, keepParagraphs, expected }) => {
    expect(collapseWhitespace(text, keepParagraphs)).toBe(expected);
  });
});
