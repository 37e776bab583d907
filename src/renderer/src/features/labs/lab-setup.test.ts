import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../../engine/labs/parse-lab';
import { BUILT_IN_LAB_FOLDERS } from './lab-setup';

const LABS = join(import.meta.dirname, '../../../../../resources/labs');
const onDisk = readdirSync(LABS).filter((id) => existsSync(join(LABS, id, 'lab.yaml')));

describe('built-in labs bundle', () => {
  it('bundles every lab folder of resources/labs, without the golden transcript', () => {
    expect(Object.keys(BUILT_IN_LAB_FOLDERS).sort()).toEqual(onDisk.sort());
    for (const files of Object.values(BUILT_IN_LAB_FOLDERS)) expect(Object.keys(files)).not.toContain('transcript.txt');
  });

  it.each(onDisk)('the bundled %s lab loads without problems', (id) => {
    const parsed = parseLab({ files: BUILT_IN_LAB_FOLDERS[id], id, source: 'built-in' });
    expect('problems' in parsed ? parsed.problems : []).toEqual([]);
  });
});
