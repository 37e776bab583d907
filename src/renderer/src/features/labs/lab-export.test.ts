import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipLabFiles } from './lab-export';

describe('lab export zip', () => {
  it('holds every file under the lab folder, byte for byte, Korean included', () => {
    const files = { 'README.md': '# 헤드리스\n', 'pods.yaml': 'kind: Pod\n', 'run.sh': 'kubectl apply -f pods.yaml\n' };
    const unzipped = unzipSync(zipLabFiles('headless', files));
    expect(Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, strFromU8(v)]))).toEqual({
      'headless/README.md': '# 헤드리스\n',
      'headless/pods.yaml': 'kind: Pod\n',
      'headless/run.sh': 'kubectl apply -f pods.yaml\n',
    });
  });

  it('gives the same bytes for the same files (no timestamps leak in)', () => {
    expect(zipLabFiles('a', { 'x.yaml': 'x' })).toEqual(zipLabFiles('a', { 'x.yaml': 'x' }));
  });
});
