/**
 * What xterm's `onData` delivers, as editing keys: control bytes and the escape sequences xterm
 * sends for arrows, Home/End and Delete (both CSI and SS3 forms), and runs of printable text
 * (typing or a paste). A pasted newline is Enter, so a multi-line paste runs line by line.
 */

export type EditKey =
  | { type: 'text'; text: string }
  | {
      type: 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down' | 'cancel' | 'clear' | 'tab' | 'kill-before' | 'kill-after' | 'kill-word' | 'eof';
    };

const SEQUENCES: Readonly<Record<string, EditKey['type']>> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
};

const CONTROLS: Readonly<Record<string, EditKey['type']>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'cancel',
  '\x0c': 'clear',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
  '\x04': 'eof',
};

/** Splits one `onData` chunk into keys; unknown escape sequences and control bytes are dropped. */
export function parseKeys(data: string): EditKey[] {
  const keys: EditKey[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const ch = data[i];
    if (ch === '\x1b') {
      flush();
      // CSI: ESC [ params final(@-~); SS3: ESC O letter.
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
      const m = /^\x1b(\[[0-9;]*[@-~]|O[A-Za-z])/.exec(data.slice(i));
      const seq = m ? m[0] : ch;
      const type = SEQUENCES[seq];
      if (type) keys.push({ type } as EditKey);
      i += seq.length;
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') i++;
    const control = CONTROLS[ch];
    if (control) {
      flush();
      keys.push({ type: control } as EditKey);
    } else if (ch >= ' ') text += ch;
    i++;
  }
  flush();
  return keys;
}
