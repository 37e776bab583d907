/**
 * The Caddyfile syntax CoreDNS reads its Corefile with (github.com/coredns/caddy, caddyfile/
 * lexer.go, parse.go, dispenser.go): whitespace-separated tokens, `"quoted tokens"` with `\"`
 * escapes, `#` comments to the end of the line, server blocks `keys { directives }`, and a
 * Dispenser that plugin setup code walks (Next, NextArg, NextBlock, RemainingArgs, ArgErr).
 * Error texts are Caddy's, prefixed with `FILE:LINE - `. Imports, snippets and `{$ENV}` are not
 * supported (the Corefile lives in a ConfigMap with nothing to import).
 */

/** One token and the line it starts on. */
export interface Token {
  text: string;
  line: number;
}

/** A server block: its keys (`.:53`) and each directive's tokens, in the order they appear. */
export interface ServerBlock {
  keys: string[];
  line: number;
  directives: { name: string; tokens: Token[] }[];
}

/** A parse error with the Caddy-formatted message. */
export class CaddyfileError extends Error {}

/** Splits text into tokens (caddyfile/lexer.go). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let val = '';
  let start = 1;
  let quoted = false;
  let escaped = false;
  let comment = false;
  let hasToken = false;
  const flush = (): void => {
    if (hasToken) tokens.push({ text: val, line: start });
    val = '';
    hasToken = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (!escaped) {
        if (ch === '\\') {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quoted = false;
          flush();
          continue;
        }
      }
      if (ch === '\n') line++;
      if (escaped && ch !== '"') val += '\\';
      val += ch;
      escaped = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
      if (ch === '\r') continue;
      if (ch === '\n') {
        line++;
        comment = false;
      }
      if (val.length > 0) flush();
      continue;
    }
    if (ch === '#') comment = true;
    if (comment) continue;
    if (!hasToken) {
      hasToken = true;
      start = line;
      if (ch === '"') {
        quoted = true;
        continue;
      }
    }
    val += ch;
  }
  if (val.length > 0 || (hasToken && !quoted)) flush();
  return tokens;
}

/** A cursor over tokens, with Caddy's helpers for plugin setup (caddyfile/dispenser.go). */
export class Dispenser {
  readonly file: string;
  #tokens: Token[];
  #cursor = -1;
  #nesting = 0;

  constructor(file: string, tokens: Token[]) {
    this.file = file;
    this.#tokens = tokens;
  }

  /** Loads the next token; false at the end. */
  next(): boolean {
    if (this.#cursor < this.#tokens.length - 1) {
      this.#cursor++;
      return true;
    }
    return false;
  }

  /** Loads the next token only if it is on the same line. */
  nextArg(): boolean {
    if (this.#cursor < 0) {
      this.#cursor++;
      return true;
    }
    if (this.#cursor >= this.#tokens.length) return false;
    if (this.#cursor < this.#tokens.length - 1 && this.#tokens[this.#cursor].line + lineBreaks(this.#tokens[this.#cursor].text) === this.#tokens[this.#cursor + 1].line) {
      this.#cursor++;
      return true;
    }
    return false;
  }

  /** For loops over a block's lines: true while inside `{ … }` (one level, as Caddy's). */
  nextBlock(): boolean {
    if (this.#nesting > 0) {
      this.next();
      if (this.val() === '}') {
        this.#nesting--;
        return false;
      }
      return true;
    }
    if (!this.nextArg()) return false;
    if (this.val() !== '{') {
      this.#cursor--;
      return false;
    }
    this.next();
    if (this.val() === '}') return false;
    this.#nesting++;
    return true;
  }

  /** The rest of the line's tokens (an opening brace ends them and is not consumed). */
  remainingArgs(): string[] {
    const args: string[] = [];
    while (this.nextArg()) {
      if (this.val() === '{') {
        this.#cursor--;
        break;
      }
      args.push(this.val());
    }
    return args;
  }

  val(): string {
    return this.#cursor < 0 || this.#cursor >= this.#tokens.length ? '' : this.#tokens[this.#cursor].text;
  }

  line(): number {
    return this.#cursor < 0 || this.#cursor >= this.#tokens.length ? 0 : this.#tokens[this.#cursor].line;
  }

  /** `Wrong argument count or unexpected line ending after 'X'`. */
  argErr(): CaddyfileError {
    if (this.val() === '{') return this.err("Unexpected token '{', expecting argument");
    return this.err(`Wrong argument count or unexpected line ending after '${this.val()}'`);
  }

  /** `FILE:LINE - Error during parsing: MSG`. */
  err(message: string): CaddyfileError {
    return new CaddyfileError(`${this.file}:${this.line()} - Error during parsing: ${message}`);
  }

  syntaxErr(expected: string): CaddyfileError {
    return new CaddyfileError(`${this.file}:${this.line()} - Syntax error: Unexpected token '${this.val()}', expecting '${expected}'`);
  }

  eofErr(): CaddyfileError {
    return this.err('Unexpected EOF');
  }

  /** True when the current token starts a new line (or is the first). */
  isNewLine(): boolean {
    if (this.#cursor < 1) return true;
    if (this.#cursor > this.#tokens.length - 1) return false;
    const prev = this.#tokens[this.#cursor - 1];
    return prev.line + lineBreaks(prev.text) < this.#tokens[this.#cursor].line;
  }

  /** Steps back one token (parser use). */
  back(): void {
    this.#cursor--;
  }

  currentToken(): Token {
    return this.#tokens[this.#cursor];
  }
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

/**
 * Groups tokens by server block and directive (caddyfile/parse.go). `validDirectives` are the
 * plugins compiled into the server: any other directive is `Unknown directive 'X'`.
 */
export function parseServerBlocks(file: string, text: string, validDirectives: ReadonlySet<string>): ServerBlock[] {
  const d = new Dispenser(file, tokenize(text));
  const blocks: ServerBlock[] = [];
  while (d.next()) {
    const block: ServerBlock = { keys: [], line: d.line(), directives: [] };
    // addresses: tokens up to the end of the line or an opening brace; a trailing comma continues.
    let expectingAnother = false;
    let eof = false;
    for (;;) {
      const tkn = d.val();
      if (tkn === '{') {
        if (expectingAnother) throw d.err(`Expected another address but had '${tkn}' - check for extra comma`);
        break;
      }
      if (tkn !== '') {
        if (tkn.endsWith(',')) {
          block.keys.push(tkn.slice(0, -1));
          expectingAnother = true;
        } else {
          block.keys.push(tkn);
          expectingAnother = false;
        }
      }
      const hasNext = d.next();
      if (expectingAnother && !hasNext) throw d.eofErr();
      if (!hasNext) {
        eof = true;
        break;
      }
      if (!expectingAnother && d.isNewLine()) break;
    }
    if (eof) {
      if (block.keys.length > 0) blocks.push(block);
      break;
    }
    // block contents: with or without braces (a single-server file may omit them).
    const braced = d.val() === '{';
    if (!braced) d.back();
    while (d.next()) {
      if (d.val() === '}') break;
      const name = d.val();
      if (!validDirectives.has(name)) throw d.err(`Unknown directive '${name}'`);
      const tokens: Token[] = [d.currentToken()];
      let nesting = 0;
      while (d.next()) {
        if (d.val() === '{') nesting++;
        else if (d.isNewLine() && nesting === 0) {
          d.back();
          break;
        } else if (d.val() === '}' && nesting > 0) nesting--;
        else if (d.val() === '}' && nesting === 0) throw d.err("Unexpected '}' because no matching opening brace");
        tokens.push(d.currentToken());
      }
      if (nesting > 0) throw d.eofErr();
      block.directives.push({ name, tokens });
    }
    if (braced && d.val() !== '}') throw d.syntaxErr('}');
    if (block.keys.length > 0) blocks.push(block);
  }
  return blocks;
}
