/**
 * Carries out one export: brings the right view on screen, renders it and starts the download.
 */
import { i18n } from '../../i18n/i18n.svelte';
import { downloadBlob, exportFileName } from './download';
import { exportMessages as m } from './export-messages';
import type { ExportBackground, ExportKind } from './export-state.svelte';
import { appWindow, dnsTable, topologyCanvas, topologySvg } from './export-targets';
import { canvasToPng, elementToPng, svgToPng } from './png-render';
import { serializeTopology } from './svg-clone';

export interface ExportHost {
  /** Shows the topology or the DNS table (or keeps the view) and resolves once the page is drawn. */
  showView: (view?: 'topology' | 'dns') => Promise<void>;
  /** Where the blob goes (the browser download unless a test says otherwise). */
  save?: (name: string, blob: Blob) => void;
  now?: () => Date;
}

function missing(what: string): Error {
  return new Error(i18n.t(m, 'notFound', { what }));
}

export async function runExport(kind: ExportKind, background: ExportBackground, host: ExportHost): Promise<void> {
  const save = host.save ?? downloadBlob;
  const at = (host.now ?? (() => new Date()))();
  if (kind === 'topology-svg' || kind === 'topology-png') {
    await host.showView('topology');
    const canvas = topologyCanvas();
    if (canvas) {
      if (kind === 'topology-svg') throw new Error(i18n.t(m, 'svgUnavailable'));
      return save(exportFileName('topology', 'png', at), await canvasToPng(canvas, background));
    }
    const svg = topologySvg();
    if (!svg) throw missing('topology');
    const doc = await serializeTopology(svg, background, i18n.t(m, 'documentTitle'));
    if (kind === 'topology-svg') return save(exportFileName('topology', 'svg', at), new Blob([doc.text], { type: 'image/svg+xml' }));
    return save(exportFileName('topology', 'png', at), await svgToPng(doc.text, doc.width, doc.height));
  }
  if (kind === 'dns-png') {
    await host.showView('dns');
    const table = dnsTable();
    if (!table) throw missing('DNS table');
    return save(exportFileName('dns', 'png', at), await elementToPng(table, background));
  }
  await host.showView();
  const app = appWindow();
  if (!app) throw missing('window');
  save(exportFileName('window', 'png', at), await elementToPng(app, background));
}
