/**
 * Translates the `yaml` package's syntax errors into the libyaml/go-yaml wording kubectl prints
 * (`yaml: line 5: mapping values are not allowed in this context`). The common learner mistakes
 * are mapped; anything else keeps the `yaml` package's own description (still with go-yaml's
 * `yaml: line N:` frame). Line numbers are 1-based lines of the problem; go-yaml prints
 * parser-level (not scanner-level) errors one line earlier, which we do not reproduce.
 */

import type { LineCounter, YAMLError } from 'yaml';

/** go-yaml's text for one syntax error, and the offset it points at. */
export interface GoYamlError {
  message: string;
  offset: number;
  line: number;
}

/** The offset of the first mapping indicator (':' followed by space or end of line) at or after `from`. */
function nextMappingColon(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\n' || text[i + 1] === '\r' || text[i + 1] === '\t')) return i;
  }
  return from;
}

function goMessage(err: YAMLError, text: string): { message: string; offset: number } {
  const offset = err.pos[0];
  const msg = err.message;
  switch (err.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return { message: 'found character that cannot start any token', offset };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'mapping values are not allowed in this context', offset: nextMappingColon(text, offset) };
    case 'BAD_DQ_ESCAPE':
      return { message: 'found unknown escape character', offset };
    case 'MISSING_CHAR':
      if (/quote/i.test(msg)) return { message: 'found unexpected end of stream', offset };
      if (/Implicit map keys need to be followed by map values/.test(msg)) return { message: "could not find expected ':'", offset };
      if (/Sequence item without - indicator/.test(msg)) return { message: "did not find expected '-' indicator", offset };
      break;
    case 'BAD_INDENT':
      if (/Flow sequence/.test(msg)) return { message: "did not find expected ',' or ']'", offset };
      if (/Flow mapping/.test(msg)) return { message: "did not find expected ',' or '}'", offset };
      break;
  }
  const own = msg.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  return { message: own.length > 0 ? own[0].toLowerCase() + own.slice(1) : 'unknown problem parsing YAML content', offset };
}

/** The go-yaml style error for a `yaml` package error. */
export function toGoYamlError(err: YAMLError, text: string, lc: LineCounter): GoYamlError {
  const { message, offset } = goMessage(err, text);
  return { message, offset, line: lc.linePos(offset).line };
}
