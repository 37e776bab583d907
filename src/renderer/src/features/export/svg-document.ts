/**
 * The outer shell of an exported SVG: namespace, size, the embedded fonts and an optional
 * background, around the topology's serialized content.
 */

export interface SvgDocumentParts {
  width: number;
  height: number;
  /** @font-face rules (data: URLs); goes into a <style> in <defs>. */
  fontCss: string;
  /** A colour for a full-size background rectangle; none for a transparent file. */
  background?: string;
  /** Inline style of the root (fonts and paints the content inherits). */
  rootStyle?: string;
  /** The serialized content (XML). */
  content: string;
  /** The document's title (for screen readers and file browsers). */
  title?: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function svgDocument({ width, height, fontCss, background, rootStyle, content, title }: SvgDocumentParts): string {
  const w = Math.round(width * 100) / 100;
  const h = Math.round(height * 100) / 100;
  // CDATA keeps the CSS verbatim; "]]>" cannot occur in @font-face rules with base64 data.
  const style = fontCss ? `<defs><style type="text/css"><![CDATA[${fontCss.replace(/]]>/g, ']]]]><![CDATA[>')}]]></style></defs>` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"${rootStyle ? ` style="${escapeXml(rootStyle)}"` : ''}>`,
    title ? `<title>${escapeXml(title)}</title>` : '',
    style,
    background ? `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>` : '',
    content,
    '</svg>\n',
  ].join('');
}
