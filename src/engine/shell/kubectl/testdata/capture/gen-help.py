# Regenerates ../../help-text.ts from ../fixtures/client.json (run from src/engine/shell/kubectl).
import json
d=json.load(open('testdata/fixtures/client.json'))
helps={}
top=None
for c in d['cases']:
    a=c['args']
    if a==[]: top=c['stdout']
    elif len(a)==2 and a[1]=='--help': helps[a[0]]=c['stdout']
out=['/**',' * Help texts of the real kubectl v1.32 (`kubectl`, `kubectl CMD --help`), captured by',' * testdata/capture/capture.mts into testdata/fixtures/client.json and copied here verbatim (the',' * engine cannot read files at run time). Regenerate with testdata/capture/gen-help.py.',' */','',
'/** `kubectl` with no arguments (stdout, exit code 0). */',
'export const TOP_LEVEL_HELP = '+json.dumps(top)+';','',
'/** `kubectl CMD --help`. */',
'export const COMMAND_HELP: Record<string, string> = {']
for k,v in helps.items(): out.append('  '+json.dumps(k)+': '+json.dumps(v)+',')
out.append('};')
open('help-text.ts','w').write('\n'.join(out)+'\n')
