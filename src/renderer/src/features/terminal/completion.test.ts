import { describe, expect, it } from 'vitest';
import { applyCompletion, completionEdit } from './completion';

/** Tab at the end of `line` with the engine's candidates for the last word. */
function tab(line: string, candidates: string[], replaceFrom = line.search(/\S*$/)): { line: string; candidates: string[] } {
  const c = completionEdit(line, line.length, { candidates, replaceFrom });
  return { line: applyCompletion(line, c)?.line ?? line, candidates: c.candidates };
}

describe('tab completion edit', () => {
  it.each([
    { name: 'one candidate replaces the word and adds a space', line: 'kubectl get svc head', candidates: ['headless1'], expected: 'kubectl get svc headless1 ' },
    { name: 'several extend to their common prefix', line: 'kubectl get pods po', candidates: ['pod4', 'pod5'], expected: 'kubectl get pods pod' },
    { name: 'no space after an open TYPE/', line: 'kubectl get sv', candidates: ['svc/'], expected: 'kubectl get svc/' },
    { name: 'no space after an open FLAG=', line: 'kubectl get pods -o jsonp', candidates: ['jsonpath='], expected: 'kubectl get pods -o jsonpath=' },
    { name: 'nothing when no candidate', line: 'frobnicate x', candidates: [], expected: 'frobnicate x' },
    { name: 'candidates that do not extend the word are ignored', line: 'kubectl get svc head', candidates: ['kubernetes', 'headless1'], expected: 'kubectl get svc headless1 ' },
    { name: 'an empty word takes the common prefix', line: 'nslookup ', candidates: ['pod-a.headless1', 'pod-b.headless1'], expected: 'nslookup pod-' },
  ])('$name', ({ line, candidates, expected }) => expect(tab(line, candidates).line).toBe(expected));

  it.each([
    { name: 'pods sharing a prefix', line: 'kubectl exec pod', candidates: ['pod4', 'pod5'] },
    { name: 'types starting with the same letters', line: 'kubectl get s', candidates: ['services', 'svc'] },
  ])('lists $name when the line cannot grow', ({ line, candidates }) => {
    expect(tab(line, candidates)).toEqual({ line, candidates });
  });

  it('completes the word at the cursor and keeps the rest of the line', () => {
    const line = 'kubectl describe svc head -o wide';
    const cursor = 'kubectl describe svc head'.length;
    const c = completionEdit(line, cursor, { candidates: ['headless1'], replaceFrom: 'kubectl describe svc '.length });
    expect(applyCompletion(line, c)).toEqual({ line: 'kubectl describe svc headless1 -o wide', cursor: 'kubectl describe svc headless1'.length });
  });
});
