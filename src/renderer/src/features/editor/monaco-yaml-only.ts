/**
 * Monaco's editor features with the YAML language only. The full `monaco-editor` entry also
 * registers TypeScript, CSS, HTML and JSON services and bundles their workers (~10 MB the app
 * never runs); this keeps the lazily loaded editor to what a manifest needs.
 */
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';

export * from 'monaco-editor/editor/editor.api';
