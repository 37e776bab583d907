import { describe, expect, it } from 'vitest';
import { fontFaceRule } from './font-subsets';
import { svgDocument } from './svg-document';

const fontCss = fontFaceRule('Noto Sans KR Variable', 'data:font/woff2;base64,d09GMgABAAAA', 'U+ac00-d7a3');
const content = '<g><text x="12" y="22">headless1</text><text x="12" y="39">파드 2개</text></g>';

describe('SVG serialization', () => {
  it('keeps the text and embeds the @font-face with its data: URL', () => {
    const svg = svgDocument({ width: 800, height: 600, fontCss, content, title: '토폴로지' });
    expect(svg).toContain('>headless1</text>');
    expect(svg).toContain('>파드 2개</text>');
    expect(svg).toMatch(/<style type="text\/css"><!\[CDATA\[@font-face\{[^]*src:url\(data:font\/woff2;base64,/);
    expect(svg).toContain('<title>토폴로지</title>');
  });

  it('is a standalone SVG of the given size', () => {
    const svg = svgDocument({ width: 640.456, height: 480, fontCss: '', content });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('width="640.46" height="480" viewBox="0 0 640.46 480"');
    expect(svg).not.toContain('<style');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it.each([
    { name: 'themed: a full-size background rectangle first', background: 'rgb(27, 29, 35)', rect: true },
    { name: 'transparent: no background rectangle', background: undefined, rect: false },
  ])('$name', ({ background, rect }) => {
    const svg = svgDocument({ width: 10, height: 10, fontCss: '', content, background });
    expect(svg.includes('<rect width="100%" height="100%" fill="rgb(27, 29, 35)"/>')).toBe(rect);
    if (rect) expect(svg.indexOf('<rect')).toBeLessThan(svg.indexOf(content));
  });

  it('escapes the root style and title as XML', () => {
    const svg = svgDocument({ width: 1, height: 1, fontCss: '', content: '', rootStyle: 'font-family:"A&B"', title: 'a<b' });
    expect(svg).toContain('style="font-family:&quot;A&amp;B&quot;"');
    expect(svg).toContain('<title>a&lt;b</title>');
  });
});
