/**
 * xterm's colours from the app theme: restrained defaults for light and dark, overridden by the
 * CSS variables the app sets (`--term-bg`/`--bg`, `--term-fg`/`--fg`, `--accent`) so the terminal
 * matches the panels around it (including the projector theme).
 */
import type { ITheme } from '@xterm/xterm';

export type TerminalTheme = 'light' | 'dark';

/** Local fonts only (the app ships offline): the system's monospace, then common Linux/Windows ones and a Korean mono. */
export const MONO_FONT_STACK = "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'D2Coding', 'Noto Sans Mono CJK KR', monospace";

const DARK: ITheme = {
  background: '#16181d',
  foreground: '#d5d8de',
  cursor: '#7aa2f7',
  cursorAccent: '#16181d',
  selectionBackground: '#3b4261',
  scrollbarSliderBackground: 'rgba(213, 216, 222, 0.14)',
  scrollbarSliderHoverBackground: 'rgba(213, 216, 222, 0.26)',
  scrollbarSliderActiveBackground: 'rgba(213, 216, 222, 0.34)',
  black: '#1f2229',
  red: '#f7768e',
  green: '#9ece6a',
  yellow: '#e0af68',
  blue: '#7aa2f7',
  magenta: '#bb9af7',
  cyan: '#7dcfff',
  white: '#c0caf5',
};

const LIGHT: ITheme = {
  background: '#fbfbfa',
  foreground: '#1f2328',
  cursor: '#2563eb',
  cursorAccent: '#fbfbfa',
  selectionBackground: '#cfe0fc',
  scrollbarSliderBackground: 'rgba(31, 35, 40, 0.14)',
  scrollbarSliderHoverBackground: 'rgba(31, 35, 40, 0.26)',
  scrollbarSliderActiveBackground: 'rgba(31, 35, 40, 0.34)',
  black: '#1f2328',
  red: '#c4314b',
  green: '#2f7d32',
  yellow: '#9a6700',
  blue: '#2563eb',
  magenta: '#8250df',
  cyan: '#0e7490',
  white: '#6e7781',
};

/** The xterm theme for `mode`, with any CSS variable `cssVar(name)` returns (empty = unset) taking precedence. */
export function xtermTheme(mode: TerminalTheme, cssVar: (name: string) => string = () => ''): ITheme {
  const base = mode === 'light' ? LIGHT : DARK;
  const pick = (...names: string[]): string | undefined => names.map((n) => cssVar(n).trim()).find(Boolean);
  const background = pick('--term-bg', '--bg') ?? base.background;
  const foreground = pick('--term-fg', '--fg') ?? base.foreground;
  const accent = pick('--accent') ?? base.cursor;
  return { ...base, background, foreground, cursor: accent, cursorAccent: background };
}
