import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parse-command-line';

describe('command line parsing', () => {
  it.each([
    { name: 'blanks separate words', line: '  kubectl   get  pods ', argv: ['kubectl', 'get', 'pods'] },
    { name: 'single quotes keep everything', line: "kubectl get pods -o 'jsonpath={.items[*].metadata.name}'", argv: ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'] },
    { name: 'double quotes keep blanks', line: 'echo "a  b"', argv: ['echo', 'a  b'] },
    { name: 'escaped quote inside double quotes', line: 'echo "say \\"hi\\""', argv: ['echo', 'say "hi"'] },
    { name: 'backslash escapes a blank', line: 'echo a\\ b', argv: ['echo', 'a b'] },
    { name: 'adjacent quoted parts join', line: "echo 'a'\"b\"c", argv: ['echo', 'abc'] },
    { name: 'empty quotes make an empty word', line: "echo '' x", argv: ['echo', '', 'x'] },
    { name: 'a comment ends the line', line: 'kubectl get pods # list them', argv: ['kubectl', 'get', 'pods'] },
    { name: 'a # inside a word is literal', line: 'echo a#b', argv: ['echo', 'a#b'] },
    { name: '$VAR expands', line: 'echo $HOSTNAME', argv: ['echo', 'pod-a'] },
    { name: '${VAR} expands inside double quotes', line: 'echo "host=${HOSTNAME}!"', argv: ['echo', 'host=pod-a!'] },
    { name: 'an unset variable expands to nothing', line: 'echo $NOPE x', argv: ['echo', '', 'x'] },
    { name: 'single quotes do not expand', line: "echo '$HOSTNAME'", argv: ['echo', '$HOSTNAME'] },
    { name: 'a lone $ is literal', line: 'echo $ 5', argv: ['echo', '$', '5'] },
    { name: 'the chapter\'s curl', line: 'curl pod-a.headless1:8080/hostname', argv: ['curl', 'pod-a.headless1:8080/hostname'] },
    { name: 'kubectl exec with --', line: 'kubectl exec -it pod4 -- sh', argv: ['kubectl', 'exec', '-it', 'pod4', '--', 'sh'] },
  ])('$name', ({ line, argv }) => {
    expect(parseCommandLine(line, { HOSTNAME: 'pod-a' })).toEqual({ argv });
  });

  it.each([
    { line: "echo 'open", error: "unexpected EOF while looking for matching `''" },
    { line: 'echo "open', error: 'unexpected EOF while looking for matching `""' },
    { line: 'kubectl get pods | grep pod4', error: '"|"' },
    { line: 'kubectl get pods > out.txt', error: '">"' },
    { line: 'kubectl apply -f a.yaml && kubectl get pods', error: '"&&"' },
  ])('reports "$line" instead of misreading it', ({ line, error }) => {
    const parsed = parseCommandLine(line);
    expect('error' in parsed && parsed.error).toContain(error);
  });
});
