#!/usr/bin/env python3
"""Runs the real tools against the simulated cluster and writes fixtures (see README.md).

Each case runs in its own private network + mount + UTS namespace (`unshare -mnu`): the
cluster's addresses live on that namespace's loopback, servers.py answers DNS and HTTP from
a fresh engine (oracle.mts), /etc/resolv.conf, /etc/hosts and /etc/hostname are bind-mounted
with what kubelet writes for the pod, and the tool runs there. Nothing leaves the namespace.

  python3 capture.py [CASE_NAME_PREFIX...]
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get('FIXTURE_OUT') or os.path.abspath(os.path.join(HERE, '..'))
sys.path.insert(0, HERE)
from cases import CASES, POD_IMAGES  # noqa: E402

ORACLE_INFO = None

WORLD_SITES = ['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153', '142.250.196.110', '142.250.207.100', '20.200.245.247', '23.192.228.80']
NODES = {'master': '192.168.0.30', 'node1': '192.168.0.31', 'node2': '192.168.0.32'}
INTERNAL_DNS = '192.168.0.2'
CLUSTER_DNS = '10.96.0.10'


def oracle_info():
    global ORACLE_INFO
    if ORACLE_INFO is None:
        root = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..', '..'))
        p = subprocess.run(['npx', 'tsx', os.path.join(HERE, 'oracle.mts')], cwd=root, input='{"op":"reset"}\n', capture_output=True, text=True, timeout=60)
        ORACLE_INFO = json.loads(p.stdout.splitlines()[0])
    return ORACLE_INFO


def pod_files(name, addrs):
    hostname = {'pod4': 'pod-a', 'pod5': 'pod-b'}.get(name, name)
    domain = {'pod4': 'headless1.default.svc.cluster.local', 'pod5': 'headless1.default.svc.cluster.local'}.get(name)
    resolv = 'search default.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n'
    hosts = ('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
             'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n')
    ip = addrs[name]
    hosts += '%s\t%s.%s\t%s\n' % (ip, hostname, domain, hostname) if domain else '%s\t%s\n' % (ip, hostname)
    return hostname, resolv, hosts


def host_files():
    resolv = 'nameserver 192.168.0.2\nsearch lab.internal\n'
    hosts = '127.0.0.1\tlocalhost\n127.0.1.1\tmaster\n192.168.0.30\tmaster\n'
    return 'master', resolv, hosts


def inner(case_path):
    """Runs inside the namespaces: network, files, servers, the command."""
    with open(case_path) as f:
        case = json.load(f)
    addrs = case['addresses']
    drop = set(case.get('drop', []))
    local = {CLUSTER_DNS, INTERNAL_DNS, *NODES.values(), *WORLD_SITES, *[ip for ip in addrs.values()]} - drop

    def sh(*args):
        subprocess.run(args, check=True)

    sh('ip', 'link', 'set', 'lo', 'up')
    for ip in sorted(local):
        if ip != '127.0.0.1':
            sh('ip', 'addr', 'add', ip + '/32', 'dev', 'lo')
    for ip in sorted(drop):
        sh('ip', 'route', 'add', ip + '/32', 'dev', 'lo')
    sh('sysctl', '-q', '-w', 'net.ipv4.tcp_syn_retries=1')
    sh('sysctl', '-q', '-w', 'net.ipv4.ping_group_range=0 2147483647')
    sh('hostname', case['hostname'])
    work = case['work']
    for name in ('resolv.conf', 'hosts', 'hostname'):
        path = os.path.join(work, name)
        with open(path, 'w') as f:
            f.write(case['files'][name])
        sh('mount', '--bind', path, '/etc/' + name)

    http = [a for a in case['http'] if a.split(':')[0] not in drop]
    dns = [ip for ip in (CLUSTER_DNS, INTERNAL_DNS) if ip not in drop and ip not in case.get('no_dns', [])]
    env = dict(os.environ, DNS_LOG=os.path.join(work, 'dns.log'), HTTP_LOG=os.path.join(work, 'http.log'))
    servers = subprocess.Popen([sys.executable, os.path.join(HERE, 'servers.py'), ','.join(dns), ','.join(http), case['from']], stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = servers.stdout.readline()
        assert line.strip() == 'ready', line
        cwd = os.path.join(work, 'cwd')
        os.makedirs(cwd, exist_ok=True)
        cmd = case['command']
        if case.get('pty'):
            p = subprocess.run(['script', '-qec', cmd, '/dev/null'], cwd=cwd, capture_output=True, timeout=case.get('timeout', 30), env=dict(os.environ, TERM='xterm', COLUMNS='80', LINES='24'))
        else:
            p = subprocess.run(['bash', '-c', cmd], cwd=cwd, capture_output=True, timeout=case.get('timeout', 30), env=dict(os.environ, COLUMNS='80'))
        files = {}
        for name in sorted(os.listdir(cwd)):
            if os.path.isdir(os.path.join(cwd, name)):
                continue
            with open(os.path.join(cwd, name), 'rb') as f:
                files[name] = f.read().decode('utf-8', 'replace')
        result = {'stdout': p.stdout.decode('utf-8', 'replace'), 'stderr': p.stderr.decode('utf-8', 'replace'), 'exitCode': p.returncode, 'files': files}
        for log in ('dns.log', 'http.log'):
            path = os.path.join(work, log)
            result[log] = open(path).read() if os.path.exists(path) else ''
        print(json.dumps(result))
    finally:
        servers.terminate()
        servers.wait(timeout=5)


def templatize(text, addrs):
    """Replaces the scenario's addresses with placeholders ({{pod4}}, {{svc:endpoint1}})."""
    pairs = sorted(addrs.items(), key=lambda kv: -len(kv[1]))
    for key, ip in pairs:
        text = re.sub(r'(?<![\d.])' + re.escape(ip) + r'(?![\d])', '{{%s}}' % key, text)
        text = re.sub(r'(?<![\d-])' + re.escape(ip.replace('.', '-')) + r'(?![\d])', '{{%s|dash}}' % key, text)
        text = re.sub(r'(?<![\d.])' + re.escape('.'.join(reversed(ip.split('.')))) + r'\.in-addr\.arpa', '{{%s|rev}}.in-addr.arpa' % key, text)
    return text


def busybox_applets():
    """cases.py runs busybox applets from /tmp/bbbin (symlinks named like the applets)."""
    os.makedirs('/tmp/bbbin', exist_ok=True)
    for applet in ('nslookup', 'wget', 'ping', 'sh', 'hostname', 'ls'):
        link = os.path.join('/tmp/bbbin', applet)
        if not os.path.islink(link):
            os.symlink(shutil.which('busybox') or '/usr/bin/busybox', link)


def outer(names):
    busybox_applets()
    info = oracle_info()
    addrs = {k: v for k, v in info['addresses'].items() if '/' not in k or k.startswith('svc:')}
    selected = [c for c in CASES if not names or any(c['name'].startswith(n) for n in names)]
    for c in selected:
        work = tempfile.mkdtemp(prefix='capture-')
        try:
            if c['from'] == 'host':
                hostname, resolv, hosts = host_files()
            else:
                hostname, resolv, hosts = pod_files(c['from'], addrs)
            ips = {k: v for k, v in addrs.items()}
            http = ['%s:8080' % ip for k, ip in ips.items() if k in POD_IMAGES and POD_IMAGES[k] == 'kubetm/app']
            http += ['%s:8080' % ips['svc:endpoint1'], '%s:8080' % ips['svc:endpoint2'], '%s:8080' % ips['svc:nodeport1']]
            http += ['%s:30000' % ip for ip in NODES.values()]
            http += ['%s:80' % ip for ip in WORLD_SITES]
            drop = [expand(d, addrs) for d in c.get('drop', [])]
            case = {
                'from': c['from'], 'command': expand(c['command'], addrs), 'addresses': addrs, 'drop': drop,
                'hostname': hostname, 'files': {'resolv.conf': resolv, 'hosts': hosts, 'hostname': hostname + '\n'},
                'http': http, 'work': work, 'pty': c.get('pty', False), 'timeout': c.get('timeout', 30),
            }
            path = os.path.join(work, 'case.json')
            with open(path, 'w') as f:
                json.dump(case, f)
            p = subprocess.run(['unshare', '-mnu', '--', sys.executable, os.path.abspath(__file__), '--inner', path], capture_output=True, text=True, timeout=120)
            if p.returncode != 0:
                print('FAILED %s\n%s' % (c['name'], p.stderr))
                continue
            result = json.loads(p.stdout.splitlines()[-1])
            fixture = {
                'name': c['name'], 'from': c['from'], 'argv': c['argv'], 'realCommand': c['command'],
                'tool': c['tool'],
                'stdout': templatize(result['stdout'], addrs), 'stderr': templatize(result['stderr'], addrs),
                'exitCode': result['exitCode'],
                'drop': c.get('drop', []),
            }
            if c.get('setup'):
                fixture['setup'] = c['setup']
            if c.get('pty'):
                fixture['pty'] = True
            if result['files']:
                fixture['files'] = {k: templatize(v, addrs) for k, v in result['files'].items()}
            fixture['queries'] = templatize(result['dns.log'], addrs).splitlines()
            with open(os.path.join(OUT, c['name'] + '.json'), 'w') as f:
                json.dump(fixture, f, indent=2, ensure_ascii=False)
                f.write('\n')
            print('ok %s (exit %d)' % (c['name'], result['exitCode']))
        finally:
            shutil.rmtree(work, ignore_errors=True)


def expand(text, addrs):
    def sub(m):
        ip = addrs[m.group(1)]
        return ip.replace('.', '-') if m.group(2) == 'dash' else ip
    return re.sub(r'\{\{([^}|]+)(?:\|(\w+))?\}\}', sub, text)


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--inner':
        inner(sys.argv[2])
    else:
        t = time.time()
        outer(sys.argv[1:])
        print('%.1fs' % (time.time() - t))
