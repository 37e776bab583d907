import { describe, expect, it } from 'vitest';
import { groupLabFiles, MAX_LAB_FILE_BYTES, readLabFolder, type PickedFile } from './lab-folders';

const picked = (path: string, text: string, size = text.length): PickedFile => ({ name: path.split('/').at(-1)!, path, size, text: () => Promise.resolve(text) });

describe('lab folders', () => {
  it('groups bundled files by folder and leaves out the golden transcript', () => {
    const grouped = groupLabFiles({
      '../../../../../resources/labs/headless/lab.yaml': 'L',
      '../../../../../resources/labs/headless/pods.yaml': 'P',
      '../../../../../resources/labs/headless/transcript.txt': 'T',
      '../../../../../resources/labs/dns-chain/lab.yaml': 'D',
    });
    expect(grouped).toEqual({ headless: { 'lab.yaml': 'L', 'pods.yaml': 'P' }, 'dns-chain': { 'lab.yaml': 'D' } });
  });

  it.each([
    {
      name: 'top-level files of the picked folder are read',
      files: [picked('my-lab/lab.yaml', 'L'), picked('my-lab/svc.yaml', 'S')],
      expected: { folder: 'my-lab', files: { 'lab.yaml': 'L', 'svc.yaml': 'S' } },
    },
    {
      name: 'subfolders, hidden files and the transcript are not',
      files: [picked('my-lab/lab.yaml', 'L'), picked('my-lab/old/svc.yaml', 'S'), picked('my-lab/.DS_Store', 'x'), picked('my-lab/transcript.txt', 'T')],
      expected: { folder: 'my-lab', files: { 'lab.yaml': 'L' } },
    },
    {
      name: 'a file too big to be a manifest is skipped',
      files: [picked('my-lab/lab.yaml', 'L'), picked('my-lab/huge.yaml', 'H', MAX_LAB_FILE_BYTES + 1)],
      expected: { folder: 'my-lab', files: { 'lab.yaml': 'L' } },
    },
  ])('$name', async ({ files, expected }) => {
    expect(await readLabFolder(files)).toEqual(expected);
  });
});
