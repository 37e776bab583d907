/**
 * A lab's step text as plain data for the view: paragraphs split on blank lines, inline `code`
 * and **bold**. Parsed here (never `{@html}`), so a teacher's text cannot inject markup.
 */

export interface Inline {
  kind: 'text' | 'code' | 'bold';
  text: string;
}

export type Paragraph = Inline[];

// Code spans first (their content is literal, `**` inside stays as typed), then bold.
const INLINE = /`([^`\n]+)`|\*\*([^*\n](?:[^\n]*?[^*\n])?)\*\*/g;

function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'code', text: m[1] } : { kind: 'bold', text: m[2] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The text without its markup (for labels and captions): `code` and **bold** become plain words. */
export function plainLabText(text: string): string {
  return parseLabText(text)
    .map((p) => p.map((i) => i.text).join(''))
    .join(' ');
}

/** Paragraphs of `text`; single newlines inside a paragraph become spaces, as in Markdown. */
export function parseLabText(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim().replace(/[ \t]*\n[ \t]*/g, ' '))
    .filter((p) => p !== '')
    .map(inlines);
}
