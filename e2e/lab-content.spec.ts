/**
 * The built-in labs' own content as a learner reads it in the lab panel (issue 5 §1, labs core):
 * each lab's first step and its first "predict first" question render in Korean and English with
 * the lab's own words — the texts, choices and commands of resources/labs/<id>/lab.yaml — and
 * nothing of a step's markup leaks into the page. Screenshots: test-results/screenshots/lab-content-*.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { AppPage } from './pages/app-page';
import { LabPanel } from './pages/lab-page';

type Locale = 'ko' | 'en';
interface Text {
  ko: string;
  en: string;
}
interface LabFile {
  steps: { id: string; title: Text; predict?: { question: Text; choices: Text[] }; commands?: (string | { line: string })[] }[];
}

const LABS_DIR = join(import.meta.dirname, '../resources/labs');
const readLab = (id: string): LabFile => parse(readFileSync(join(LABS_DIR, id, 'lab.yaml'), 'utf8')) as LabFile;
/** What the panel shows of a text: its words, without `code` and **bold** marks. */
const plain = (text: string): string => text.replace(/\*\*|`/g, '');

test.use({ viewport: { width: 1440, height: 900 } });

async function openLab(page: Page, locale: Locale, id: string): Promise<{ app: AppPage; labs: LabPanel; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((l) => localStorage.setItem('svclab.layout.v1', JSON.stringify({ locale: l, labsOpen: true })), locale);
  const app = new AppPage(page);
  await app.open();
  const labs = new LabPanel(page, app);
  await labs.show();
  await labs.open(id);
  return { app, labs, errors };
}

for (const locale of ['ko', 'en'] as const) {
  for (const id of ['service-types', 'headless', 'externalname']) {
    test(`${id}: the first step and the first prediction read as written, in ${locale}`, async ({ page }) => {
      const lab = readLab(id);
      const { app, labs, errors } = await openLab(page, locale, id);
      const first = lab.steps[0];
      await expect(labs.step.getByTestId('lab-step-title')).toHaveText(first.title[locale]);
      for (const c of first.commands ?? []) await expect(labs.step).toContainText(typeof c === 'string' ? c : c.line);
      await app.screenshot(`lab-content-${locale}-${id}-step1`);
      const at = lab.steps.findIndex((s) => s.predict);
      for (let i = 0; i < at; i++) await labs.next();
      const predict = lab.steps[at].predict!;
      await expect(labs.step.getByTestId('lab-step-title')).toHaveText(lab.steps[at].title[locale]);
      await expect(labs.step).toContainText(plain(predict.question[locale]));
      const choices = labs.step.getByTestId('lab-choice');
      await expect(choices).toHaveCount(predict.choices.length);
      for (const [i, c] of predict.choices.entries()) await expect(choices.nth(i)).toContainText(plain(c[locale]));
      await expect(labs.step).not.toContainText('**');
      await app.screenshot(`lab-content-${locale}-${id}-predict`);
      expect(errors).toEqual([]);
    });
  }
}
