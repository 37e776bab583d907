/** Page objects for the web app: one per panel, engine-derived text and data-testid selectors only. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPanel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('editor-pane');
  }

  /** Replaces the active file's text by pasting it (typing would let Monaco re-indent each new line). */
  async setText(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.root.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
    // After a paste the cursor (and the view) is at the end; Monaco draws spaces as NBSP.
    const last = text.trimEnd().split('\n').at(-1)!.trim();
    await expect.poll(async () => (await this.root.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain(last);
  }

  /** Ctrl/Cmd+Enter: kubectl apply of the active file. */
  async apply(): Promise<void> {
    await this.root.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  /** Lines (1-based) that carry an error squiggle. */
  async errorLines(): Promise<number[]> {
    const markers = this.root.locator('.monaco-editor .squiggly-error');
    await expect(markers.first()).toBeVisible();
    const lineHeight = await this.root.locator('.monaco-editor .view-line').first().evaluate((el) => el.getBoundingClientRect().height);
    const top = await this.root.locator('.monaco-editor .view-lines').evaluate((el) => el.getBoundingClientRect().top);
    const tops = await markers.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    return [...new Set(tops.map((t) => Math.round((t - top) / lineHeight) + 1))];
  }

  get result(): Locator {
    return this.page.getByTestId('apply-result');
  }
}

export class DnsPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('view-dns').click();
    await expect(this.page.getByTestId('dns-table')).toBeVisible();
  }

  /** Rows whose owner name is exactly `name`. */
  rows(name: string): Locator {
    return this.page.getByTestId('dns-row').filter({ has: this.page.locator('td.name').getByText(name, { exact: true }) });
  }

  /** Rows of one record type for a name (the type cell holds exactly the type). */
  rowsOfType(name: string, type: string): Locator {
    return this.rows(name).filter({ has: this.page.locator('td.type').getByText(type, { exact: true }) });
  }
}

export class TopologyPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('view-topology').click();
    await expect(this.page.getByTestId('topology')).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.locator(`[data-testid="topology-node"][data-id="${id}"]`);
  }

  get details(): Locator {
    return this.page.getByTestId('details-panel');
  }
}

export class TerminalPanel {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('terminal-pane');
  }

  async run(line: string): Promise<void> {
    await this.root.locator('.xterm').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /** Everything the terminal shows (DOM renderer rows). */
  text(): Promise<string> {
    return this.root.locator('.xterm-rows').innerText();
  }
}

export class AppPage {
  readonly editor: EditorPanel;
  readonly dns: DnsPanel;
  readonly topology: TopologyPanel;
  readonly terminal: TerminalPanel;

  constructor(readonly page: Page) {
    this.editor = new EditorPanel(page);
    this.dns = new DnsPanel(page);
    this.topology = new TopologyPanel(page);
    this.terminal = new TerminalPanel(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('engine-status')).toContainText('web');
    await expect(this.page.locator('.monaco-editor .view-lines')).toBeVisible();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
