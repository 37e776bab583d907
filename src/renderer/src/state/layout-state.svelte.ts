/**
 * The window's layout: pane sizes, the right-hand view, theme and language — remembered across
 * starts through an injected storage (localStorage in the app, a Map in tests).
 */
import type { Locale } from '../i18n/i18n.svelte';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type RightView = 'topology' | 'dns' | 'objects';
export const RIGHT_VIEWS: readonly RightView[] = ['topology', 'dns', 'objects'];
export type Theme = 'light' | 'dark';

interface Saved {
  editorWidth: number;
  terminalHeight: number;
  view: RightView;
  theme: Theme;
  locale: Locale;
  labsOpen: boolean;
  labsWidth: number;
  presentation: boolean;
}

const KEY = 'svclab.layout.v1';
/** Fractions of the window; clamped so no pane can be dragged out of reach. */
const LIMITS = { editorWidth: [0.2, 0.7], terminalHeight: [0.12, 0.7], labsWidth: [0.15, 0.45] } as const;

export const clamp = (value: number, [min, max]: readonly [number, number]): number => Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));

export class LayoutState {
  editorWidth = $state(0.38);
  terminalHeight = $state(0.3);
  view = $state<RightView>('topology');
  theme = $state<Theme>('dark');
  locale = $state<Locale>('ko');
  /** The lab column at the left (a fraction of the window's width). */
  labsOpen = $state(false);
  labsWidth = $state(0.24);
  /** Presentation mode: large type, the projector theme, minimal chrome (remembered like the rest). */
  presentation = $state(false);
  #storage: KeyValueStorage | undefined;

  constructor(storage?: KeyValueStorage, defaults: { locale?: Locale } = {}) {
    this.#storage = storage;
    if (defaults.locale) this.locale = defaults.locale;
    try {
      const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Saved> | null;
      if (saved) {
        if (typeof saved.editorWidth === 'number') this.editorWidth = clamp(saved.editorWidth, LIMITS.editorWidth);
        if (typeof saved.terminalHeight === 'number') this.terminalHeight = clamp(saved.terminalHeight, LIMITS.terminalHeight);
        if (saved.view && RIGHT_VIEWS.includes(saved.view)) this.view = saved.view;
        if (saved.theme === 'light' || saved.theme === 'dark') this.theme = saved.theme;
        if (saved.locale === 'ko' || saved.locale === 'en') this.locale = saved.locale;
        if (typeof saved.labsOpen === 'boolean') this.labsOpen = saved.labsOpen;
        if (typeof saved.labsWidth === 'number') this.labsWidth = clamp(saved.labsWidth, LIMITS.labsWidth);
        if (typeof saved.presentation === 'boolean') this.presentation = saved.presentation;
      }
    } catch {
      // A corrupt entry is ignored: defaults are a fine start.
    }
  }

  setEditorWidth(fraction: number): void {
    this.editorWidth = clamp(fraction, LIMITS.editorWidth);
    this.save();
  }

  setTerminalHeight(fraction: number): void {
    this.terminalHeight = clamp(fraction, LIMITS.terminalHeight);
    this.save();
  }

  setView(view: RightView): void {
    this.view = view;
    this.save();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.save();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.save();
  }

  setLabsOpen(open: boolean): void {
    this.labsOpen = open;
    this.save();
  }

  setLabsWidth(fraction: number): void {
    this.labsWidth = clamp(fraction, LIMITS.labsWidth);
    this.save();
  }

  setPresentation(on: boolean): void {
    this.presentation = on;
    this.save();
  }

  togglePresentation(): void {
    this.setPresentation(!this.presentation);
  }

  save(): void {
    const saved: Saved = { editorWidth: this.editorWidth, terminalHeight: this.terminalHeight, view: this.view, theme: this.theme, locale: this.locale, labsOpen: this.labsOpen, labsWidth: this.labsWidth, presentation: this.presentation };
    this.#storage?.setItem(KEY, JSON.stringify(saved));
  }
}
