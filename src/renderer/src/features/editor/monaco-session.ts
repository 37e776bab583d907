/**
 * The imperative half of YamlEditor: one Monaco editor widget and one text model per open file
 * (so each tab keeps its own undo stack and the language server sees every file). YamlEditor's
 * effects call these methods; EditorState stays free of Monaco objects.
 */
import type * as Monaco from './monaco-yaml-only';
import type { Locale } from '../../i18n/i18n.svelte';
import type { LocatedMessage } from '../../../../shared/field-error-types';
import type { EditorFile } from './editor-state.svelte';
import { APPLY_MARKER_OWNER, languageServerMarkers, toMarkers } from './editor-markers';
import type { MonacoApi } from './monaco-loader';

/** monaco-yaml's marker owner. */
const LANGUAGE_SERVER_OWNER = 'yaml';

export interface SessionOptions {
  theme: 'light' | 'dark';
  ariaLabel: string;
  locale: () => Locale;
  /** A file's text changed in the editor. */
  onText: (id: number, text: string) => void;
  /** Ctrl/Cmd+Enter. */
  onApply: () => void;
  /** Ctrl/Cmd+Shift+Backspace: delete the selection's or file's objects (after a confirmation). */
  onDelete: () => void;
  /** Where the non-empty selection starts, or undefined when nothing is selected. */
  onSelection: (start: { line: number; column: number } | undefined) => void;
}

export class MonacoSession {
  readonly widget: Monaco.editor.IStandaloneCodeEditor;
  #monaco: MonacoApi;
  #models = new Map<number, Monaco.editor.ITextModel>();
  #disposables: Monaco.IDisposable[] = [];
  #activeId: number | undefined;
  #highlight: Monaco.editor.IEditorDecorationsCollection | undefined;

  constructor(monaco: MonacoApi, host: HTMLElement, options: SessionOptions) {
    this.#monaco = monaco;
    this.widget = monaco.editor.create(host, {
      model: null,
      theme: themeName(options.theme),
      ariaLabel: options.ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      // The app's bundled Korean font as the fallback: Korean in comments, values and marker hovers
      // (the error gloss) must not fall back to tofu on machines without a CJK monospace font.
      fontFamily: "'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, 'Noto Sans KR Variable', monospace",
      tabSize: 2,
      scrollBeyondLastLine: false,
      // Schema completion is the point of the editor: offer it while typing values too (`kind: Se`).
      quickSuggestions: { other: true, strings: true, comments: false },
      fixedOverflowWidgets: true,
    });
    this.widget.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onApply());
    this.widget.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Backspace, () => options.onDelete());
    this.#disposables.push(
      this.widget.onDidChangeCursorSelection(({ selection }) => {
        options.onSelection(selection.isEmpty() || this.selection()?.trim() === '' ? undefined : { line: selection.startLineNumber, column: selection.startColumn });
      }),
      this.widget.onDidChangeModelContent(() => {
        const model = this.widget.getModel();
        const id = this.#idOf(model);
        if (model && id !== undefined) options.onText(id, model.getValue());
      }),
      // The language server's markers, cleaned: "Matches multiple schemas …" never shows, the rest in the UI language.
      monaco.editor.onDidChangeMarkers((uris) => {
        // Deferred: Monaco's marker event drops events fired while it is being delivered (MicrotaskEmitter
        // clears its queue after delivery), so a synchronous re-set would never reach the decorations.
        for (const uri of uris) queueMicrotask(() => this.#cleanLanguageServerMarkers(uri, options.locale()));
      }),
    );
  }

  #cleanLanguageServerMarkers(uri: Monaco.Uri, locale: Locale): void {
    const model = this.#monaco.editor.getModel(uri);
    if (!model || this.#idOf(model) === undefined) return;
    const raw = this.#monaco.editor.getModelMarkers({ resource: uri, owner: LANGUAGE_SERVER_OWNER });
    const cleaned = languageServerMarkers(raw, locale);
    // Re-setting fires the event again; that pass finds nothing to change and stops.
    if (cleaned.length !== raw.length || cleaned.some((m, i) => m.message !== raw[i].message)) this.#monaco.editor.setModelMarkers(model, LANGUAGE_SERVER_OWNER, cleaned.map(markerData));
  }

  /** Makes the models match the open files and shows the active one. */
  syncFiles(files: readonly EditorFile[], activeId: number | undefined): void {
    const open = new Set(files.map((f) => f.id));
    for (const [id, model] of this.#models) {
      if (open.has(id)) continue;
      model.dispose();
      this.#models.delete(id);
    }
    for (const f of files) {
      let model = this.#models.get(f.id);
      if (!model) {
        model = this.#monaco.editor.createModel(f.text, 'yaml', this.#monaco.Uri.parse(`file:///svclab/${f.id}.yaml`));
        this.#models.set(f.id, model);
      } else if (model.getValue() !== f.text) {
        // Changed from outside the editor (a lab loaded its files): replace as one undoable edit.
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: f.text }], () => null);
      }
    }
    if (activeId !== this.#activeId) {
      this.#activeId = activeId;
      this.widget.setModel(activeId === undefined ? null : (this.#models.get(activeId) ?? null));
    }
  }

  /** Shows an apply's messages on the active file and clears them from the others. */
  setApplyMarkers(markers: readonly LocatedMessage[], locale: Locale): void {
    for (const [id, model] of this.#models) this.#monaco.editor.setModelMarkers(model, APPLY_MARKER_OWNER, id === this.#activeId ? toMarkers(markers, locale) : []);
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.#monaco.editor.setTheme(themeName(theme));
  }

  setFontSize(size: number): void {
    this.widget.updateOptions({ fontSize: size });
  }

  /**
   * Marks the lines of the object selected in another view (its document) and scrolls them into
   * view; undefined clears the mark. Decorations live on the shown model, so the caller re-marks
   * after switching files.
   */
  highlightLines(lines: { startLine: number; endLine: number } | undefined): void {
    this.#highlight ??= this.widget.createDecorationsCollection();
    if (!lines) {
      this.#highlight.clear();
      return;
    }
    const range = new this.#monaco.Range(lines.startLine, 1, lines.endLine, 1);
    this.#highlight.set([{ range, options: { isWholeLine: true, className: 'svclab-selected-object', linesDecorationsClassName: 'svclab-selected-object-gutter' } }]);
    this.widget.revealLinesInCenterIfOutsideViewport(lines.startLine, lines.endLine);
  }

  /** The selected text of the active file, if any. */
  selection(): string | undefined {
    const selection = this.widget.getSelection();
    const model = this.widget.getModel();
    return selection && model && !selection.isEmpty() ? model.getValueInRange(selection) : undefined;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.widget.dispose();
    for (const model of this.#models.values()) model.dispose();
    this.#models.clear();
  }

  #idOf(model: Monaco.editor.ITextModel | null): number | undefined {
    for (const [id, m] of this.#models) if (m === model) return id;
    return undefined;
  }
}

/**
 * A read marker back as marker data. Only these fields: a read marker also carries
 * `modelVersionId: null`, and Monaco's decorations skip markers whose version is not the model's,
 * so re-setting it whole would leave the old text on screen.
 */
function markerData(m: Monaco.editor.IMarker): Monaco.editor.IMarkerData {
  const { severity, message, source, code, startLineNumber, startColumn, endLineNumber, endColumn, tags, relatedInformation } = m;
  return { severity, message, source, code, startLineNumber, startColumn, endLineNumber, endColumn, tags, relatedInformation };
}

const themeName = (theme: 'light' | 'dark'): string => (theme === 'dark' ? 'vs-dark' : 'vs');
