/**
 * Splits a typed line into words the way a POSIX shell does for the simple commands the course
 * uses: blanks separate words; single quotes keep everything; double quotes keep blanks and allow
 * `\"`, `\\`, `\$` and `$VAR` expansion; a backslash outside quotes escapes the next character;
 * `#` at the start of a word begins a comment; `$VAR` / `${VAR}` expand from the environment given.
 * Pipes, redirections and `;`/`&&` lists are not simulated: they are reported, not misread.
 */

export type ParsedLine = { argv: string[] } | { error: string };

const OPERATORS = new Set(['|', '>', '<', ';', '&']);

/** Parses one line. `env` supplies `$VAR` values (unset expands to nothing, as in sh). */
export function parseCommandLine(line: string, env: Readonly<Record<string, string>> = {}): ParsedLine {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const expand = (): void => {
    // At a `$`: read a name or ${name}; a lone `$` stays literal.
    const braced = line[i + 1] === '{';
    const start = braced ? i + 2 : i + 1;
    let end = start;
    while (end < line.length && /[A-Za-z0-9_]/.test(line[end])) end++;
    if (end === start || (braced && line[end] !== '}')) {
      word += '$';
      i++;
      return;
    }
    word += env[line.slice(start, end)] ?? '';
    i = braced ? end + 1 : end;
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t') {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '#' && !inWord) {
      break;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { error: 'unexpected EOF while looking for matching `\'\'' };
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'unexpected EOF while looking for matching `""' };
        const c = line[i];
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else if (c === '$') {
          expand();
        } else {
          word += c;
          i++;
        }
      }
    } else if (ch === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (ch === '$') {
      inWord = true;
      expand();
    } else if (OPERATORS.has(ch)) {
      const op = ch === '&' && line[i + 1] === '&' ? '&&' : ch === '|' && line[i + 1] === '|' ? '||' : ch;
      return { error: `Service Lab's terminal runs one command at a time: "${op}" (pipes, redirections and command lists) is not simulated` };
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) argv.push(word);
  return { argv };
}
