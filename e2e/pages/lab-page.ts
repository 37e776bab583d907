/** Page object for the lab column: the list of labs, the open lab's steps, and driving a step to green. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './app-page';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class LabPanel {
  constructor(
    private readonly page: Page,
    private readonly app: AppPage,
  ) {}

  get root(): Locator {
    return this.page.getByTestId('lab-panel');
  }

  /** Shows the lab column (the header's toggle) if it is hidden. */
  async show(): Promise<void> {
    const toggle = this.page.getByTestId('labs-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(this.root).toBeVisible();
  }

  /** Lab entries of the list. */
  get items(): Locator {
    return this.root.getByTestId('lab-item');
  }

  item(id: string): Locator {
    return this.root.locator(`[data-testid="lab-item"][data-id="${id}"]`);
  }

  async open(id: string): Promise<void> {
    await this.item(id).click();
    await expect(this.root.getByTestId('lab-view')).toHaveAttribute('data-lab-id', id);
  }

  get step(): Locator {
    return this.root.getByTestId('lab-step');
  }

  get stepItems(): Locator {
    return this.root.getByTestId('lab-step-item');
  }

  /** Picks a teacher's lab folder through the directory input (it loads asynchronously). */
  async openFolder(dir: string): Promise<void> {
    await this.root.getByTestId('lab-folder-input').setInputFiles(dir);
  }

  /** Picks a teacher's lab folder and waits for the lab to open. */
  async openLabFolder(dir: string, title: string): Promise<void> {
    await this.openFolder(dir);
    await expect(this.root.getByTestId('lab-title')).toHaveText(title);
  }

  /**
   * Does what the current step asks, as a learner would through the panel: answers the prediction,
   * opens the manifests and applies each with Ctrl/Cmd+Enter in the editor, clicks every command
   * (waiting for its output), then expects the step to turn green (or marks a step without checks done).
   */
  async completeStep(choice = 0): Promise<void> {
    const step = this.step;
    await expect(step).toBeVisible();
    const choices = step.getByTestId('lab-choice');
    if ((await choices.count()) > 0) {
      if (await choices.first().isEnabled()) await choices.nth(choice).click();
      await expect(step.getByTestId('lab-answer')).toBeVisible();
    }
    const open = step.getByTestId('lab-open-manifests');
    if ((await open.count()) > 0) {
      const names = await step.getByTestId('lab-manifest').allInnerTexts();
      await open.click();
      for (const name of names) await this.applyTab(name.trim());
    }
    const passed = step.getByTestId('lab-step-passed');
    const commands = step.getByTestId('lab-command');
    // Pods take a few (virtual, real-time) seconds to start: a learner who sees "Not yet" runs the
    // commands again, and so does this.
    for (let round = 0; round < 3 && (await commands.count()) > 0; round++) {
      for (let i = 0; i < (await commands.count()); i++) {
        const command = commands.nth(i);
        await expect(command).toBeEnabled();
        await command.click();
        await expect(command).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
      }
      if (await passed.isVisible()) break;
      try {
        await expect(passed).toBeVisible({ timeout: 5_000 });
        break;
      } catch {
        // not yet: run them again
      }
    }
    const markDone = step.getByTestId('lab-mark-done');
    if ((await markDone.count()) > 0) await markDone.click();
    await expect(passed).toBeVisible({ timeout: 15_000 });
  }

  /** Selects the editor tab named `name` and applies it (Ctrl/Cmd+Enter in Monaco); waits until it is clean. */
  async applyTab(name: string): Promise<void> {
    const tab = this.page.getByTestId('editor-tabs').getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await this.app.editor.apply();
    await expect(tab.locator('.dirty')).toHaveCount(0, { timeout: 10_000 });
  }

  async next(): Promise<void> {
    await this.root.getByTestId('lab-next').click();
  }
}
