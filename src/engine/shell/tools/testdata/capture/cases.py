"""The captured commands: name (fixture file), where it runs (a pod of the chapter scenario or
the admin host), the argv a learner types, the real command line run in the namespace, and
which implementation (tool flavour) it exercises. `{{pod4}}`-style placeholders expand to the
scenario's addresses. `drop`: addresses that silently drop packets (ClusterIP ping, timeouts).
Busybox applets come from /tmp/bbbin (symlinks to Debian's busybox 1.35)."""

POD_IMAGES = {'pod4': 'kubetm/app', 'pod5': 'kubetm/app', 'pod7': 'kubetm/app', 'pod9': 'kubetm/app', 'bb': 'busybox', 'tools': 'nicolaka/netshoot'}

BB = 'PATH=/tmp/bbbin:$PATH '
SAMPLE = 'externalname1/kubetm/kubetm.github.io/blob/master/sample/practice/intermediate/service-sample.md'


def case(name, from_, argv, tool, command=None, **kw):
    return dict(name=name, argv=argv, tool=tool, command=command or ' '.join(q(a) for a in argv), **{'from': from_}, **kw)


def q(a):
    return a if all(c.isalnum() or c in '-_./:=+@%{}' for c in a) else "'" + a.replace("'", "'\\''") + "'"


def bb(name, argv, tool, command=None, **kw):
    return case(name, 'bb', argv, tool, command=command or BB + ' '.join(q(a) for a in argv), **kw)


CASES = [
    # --- bind9 nslookup in kubetm/app (pod4 = pod-a) -------------------------------------
    case('nslookup-bind9-headless1', 'pod4', ['nslookup', 'headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-pod-a', 'pod4', ['nslookup', 'pod-a.headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-pod-b', 'pod4', ['nslookup', 'pod-b.headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-fqdn', 'pod4', ['nslookup', 'headless1.default.svc.cluster.local'], 'nslookup-bind9'),
    case('nslookup-bind9-fqdn-dot', 'pod4', ['nslookup', 'headless1.default.svc.cluster.local.'], 'nslookup-bind9'),
    case('nslookup-bind9-clusterip', 'pod4', ['nslookup', 'endpoint1'], 'nslookup-bind9'),
    case('nslookup-bind9-externalname', 'pod4', ['nslookup', 'externalname1'], 'nslookup-bind9'),
    case('nslookup-bind9-nxdomain', 'pod4', ['nslookup', 'nosuch'], 'nslookup-bind9'),
    case('nslookup-bind9-google', 'pod4', ['nslookup', 'google.com'], 'nslookup-bind9'),
    case('nslookup-bind9-user1', 'pod4', ['nslookup', 'user1'], 'nslookup-bind9'),
    case('nslookup-bind9-kubernetes-default', 'pod4', ['nslookup', 'kubernetes.default'], 'nslookup-bind9'),
    case('nslookup-bind9-server-arg', 'pod4', ['nslookup', 'headless1', '10.96.0.10'], 'nslookup-bind9'),
    case('nslookup-bind9-srv', 'pod4', ['nslookup', '-type=srv', 'headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-aaaa-nodata', 'pod4', ['nslookup', '-type=aaaa', 'headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-reverse-pod', 'pod4', ['nslookup', '{{pod5}}'], 'nslookup-bind9'),
    case('nslookup-bind9-reverse-svc', 'pod4', ['nslookup', '10.96.0.10'], 'nslookup-bind9'),
    case('nslookup-bind9-ptr', 'pod4', ['nslookup', '-type=ptr', '10.96.0.1'], 'nslookup-bind9'),
    case('nslookup-bind9-no-server', 'pod4', ['nslookup', 'headless1'], 'nslookup-bind9', drop=['10.96.0.10'], timeout=40),
    # --- busybox nslookup (busybox image) -----------------------------------------------
    bb('nslookup-busybox-headless1', ['nslookup', 'headless1'], 'nslookup-busybox'),
    bb('nslookup-busybox-pod-a', ['nslookup', 'pod-a.headless1'], 'nslookup-busybox'),
    bb('nslookup-busybox-fqdn', ['nslookup', 'pod-a.headless1.default.svc.cluster.local'], 'nslookup-busybox'),
    bb('nslookup-busybox-clusterip', ['nslookup', 'endpoint1'], 'nslookup-busybox'),
    bb('nslookup-busybox-externalname', ['nslookup', 'externalname1'], 'nslookup-busybox'),
    bb('nslookup-busybox-google', ['nslookup', 'google.com'], 'nslookup-busybox'),
    bb('nslookup-busybox-nxdomain', ['nslookup', 'nosuch'], 'nslookup-busybox'),
    bb('nslookup-busybox-reverse', ['nslookup', '{{pod4}}'], 'nslookup-busybox'),
    bb('nslookup-busybox-srv', ['nslookup', '-type=srv', 'headless1.default.svc.cluster.local'], 'nslookup-busybox'),
    bb('nslookup-busybox-server-arg', ['nslookup', 'endpoint1.default.svc.cluster.local', '10.96.0.10'], 'nslookup-busybox'),
    # --- dig (netshoot) ----------------------------------------------------------------
    case('dig-fqdn', 'tools', ['dig', 'headless1.default.svc.cluster.local'], 'dig'),
    case('dig-short-name', 'tools', ['dig', 'headless1'], 'dig'),
    case('dig-search', 'tools', ['dig', '+search', 'headless1'], 'dig'),
    case('dig-short', 'tools', ['dig', '+short', 'headless1.default.svc.cluster.local'], 'dig'),
    case('dig-short-search', 'tools', ['dig', '+short', '+search', 'externalname1'], 'dig'),
    case('dig-externalname', 'tools', ['dig', 'externalname1.default.svc.cluster.local'], 'dig'),
    case('dig-reverse', 'tools', ['dig', '-x', '{{pod4}}'], 'dig'),
    case('dig-srv', 'tools', ['dig', 'SRV', 'headless1.default.svc.cluster.local'], 'dig'),
    case('dig-noall-answer', 'tools', ['dig', '+noall', '+answer', 'google.com'], 'dig'),
    case('dig-at-server', 'tools', ['dig', '@10.96.0.10', 'endpoint1.default.svc.cluster.local'], 'dig'),
    case('dig-nxdomain', 'tools', ['dig', 'nosuch.default.svc.cluster.local'], 'dig'),
    case('dig-aaaa-nodata', 'tools', ['dig', '-t', 'AAAA', 'headless1.default.svc.cluster.local'], 'dig'),
    case('dig-tcp', 'tools', ['dig', '+tcp', 'endpoint1.default.svc.cluster.local'], 'dig'),
    case('dig-no-server', 'tools', ['dig', 'endpoint1.default.svc.cluster.local'], 'dig', drop=['10.96.0.10'], timeout=40),
    # --- curl (kubetm/app) -------------------------------------------------------------
    case('curl-headless-pod', 'pod4', ['curl', 'pod-a.headless1:8080/hostname'], 'curl'),
    case('curl-headless-pod-b', 'pod4', ['curl', 'pod-b.headless1:8080/hostname'], 'curl'),
    case('curl-endpoint2', 'pod9', ['curl', 'endpoint2:8080/hostname'], 'curl'),
    case('curl-clusterip-ip', 'pod4', ['curl', '{{svc:endpoint1}}:8080/hostname'], 'curl'),
    case('curl-O-externalname', 'pod4', ['curl', '-O', SAMPLE], 'curl', pty=True),
    case('curl-O-externalname-pipe', 'pod4', ['curl', '-O', SAMPLE], 'curl'),
    case('curl-externalname-v', 'pod4', ['curl', '-v', 'externalname1'], 'curl'),
    case('curl-v', 'pod4', ['curl', '-v', 'endpoint1:8080/hostname'], 'curl'),
    case('curl-I', 'pod4', ['curl', '-I', 'endpoint1:8080/hostname'], 'curl'),
    case('curl-w-code', 'pod4', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'endpoint1:8080/hostname'], 'curl'),
    case('curl-o-file', 'pod4', ['curl', '-o', 'out.txt', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('curl-404', 'pod4', ['curl', 'endpoint1:8080/nope'], 'curl'),
    case('curl-L', 'pod4', ['curl', '-sSL', '-o', '/dev/null', '-w', '%{http_code} %{url_effective}\\n', 'google.com'], 'curl'),
    case('curl-301', 'pod4', ['curl', 'google.com'], 'curl'),
    case('curl-unresolved', 'pod4', ['curl', 'nosuch:8080/hostname'], 'curl'),
    case('curl-unresolved-s', 'pod4', ['curl', '-s', 'nosuch:8080/hostname'], 'curl'),
    case('curl-unresolved-sS', 'pod4', ['curl', '-sS', 'nosuch:8080/hostname'], 'curl'),
    case('curl-refused', 'pod4', ['curl', 'pod-a.headless1:9999/'], 'curl'),
    case('curl-refused-v', 'pod4', ['curl', '-v', 'pod-a.headless1:9999/'], 'curl'),
    case('curl-no-endpoints', 'pod4', ['curl', 'empty1'], 'curl'),
    case('curl-timeout-m', 'pod4', ['curl', '-m', '2', 'endpoint1:9999'], 'curl', drop=['{{svc:endpoint1}}']),
    case('curl-timeout-connect', 'pod4', ['curl', 'endpoint1:9999'], 'curl', drop=['{{svc:endpoint1}}']),
    case('curl-unresolved-v', 'pod4', ['curl', '-v', 'nosuch:8080/hostname'], 'curl'),
    case('curl-nodeport', 'pod4', ['curl', '192.168.0.31:30000/hostname'], 'curl'),
    # --- wget ----------------------------------------------------------------------------
    bb('wget-busybox-O-', ['wget', '-O-', 'pod-a.headless1:8080/hostname'], 'wget-busybox'),
    bb('wget-busybox-save', ['wget', 'endpoint2:8080/hostname'], 'wget-busybox'),
    bb('wget-busybox-q', ['wget', '-qO-', 'endpoint1:8080/hostname'], 'wget-busybox'),
    bb('wget-busybox-unresolved', ['wget', 'nosuch:8080/hostname'], 'wget-busybox'),
    bb('wget-busybox-refused', ['wget', 'pod-a.headless1:9999/'], 'wget-busybox'),
    bb('wget-busybox-404', ['wget', 'endpoint1:8080/nope'], 'wget-busybox'),
    case('wget-gnu-save', 'tools', ['wget', 'endpoint1:8080/hostname'], 'wget-gnu'),
    case('wget-gnu-O-', 'tools', ['wget', '-O-', 'pod-a.headless1:8080/hostname'], 'wget-gnu'),
    case('wget-gnu-unresolved', 'tools', ['wget', 'nosuch:8080/hostname'], 'wget-gnu'),
    case('wget-gnu-404', 'tools', ['wget', 'endpoint1:8080/nope'], 'wget-gnu'),
    case('wget-gnu-refused', 'tools', ['wget', '-t', '1', 'pod-a.headless1:9999/'], 'wget-gnu'),
    # --- ping ----------------------------------------------------------------------------
    bb('ping-busybox-pod', ['ping', '-c', '3', 'pod-a.headless1'], 'ping-busybox'),
    bb('ping-busybox-clusterip', ['ping', '-c', '3', 'endpoint1'], 'ping-busybox', drop=['{{svc:endpoint1}}']),
    bb('ping-busybox-unresolved', ['ping', '-c', '1', 'nosuch'], 'ping-busybox'),
    case('ping-iputils-pod', 'tools', ['ping', '-c', '3', 'pod-a.headless1'], 'ping-iputils'),
    case('ping-iputils-clusterip', 'tools', ['ping', '-c', '3', 'endpoint1'], 'ping-iputils', drop=['{{svc:endpoint1}}']),
    case('ping-iputils-unresolved', 'tools', ['ping', '-c', '1', 'nosuch'], 'ping-iputils'),
    # --- getent / files ----------------------------------------------------------------
    case('getent-hosts-headless', 'pod4', ['getent', 'hosts', 'headless1'], 'getent'),
    case('getent-hosts-self', 'pod4', ['getent', 'hosts', 'pod-a'], 'getent'),
    case('getent-hosts-missing', 'pod4', ['getent', 'hosts', 'nosuch'], 'getent'),
    case('hostname-f', 'pod4', ['hostname', '-f'], 'hostname'),
    case('hostname-i', 'pod4', ['hostname', '-i'], 'hostname'),
    bb('hostname-busybox-i', ['hostname', '-i'], 'hostname-busybox'),
    # --- the admin host (master) ---------------------------------------------------------
    case('host-nslookup-headless1', 'host', ['nslookup', 'headless1'], 'nslookup-bind9'),
    case('host-nslookup-fqdn', 'host', ['nslookup', 'headless1.default.svc.cluster.local'], 'nslookup-bind9'),
    case('host-nslookup-user1', 'host', ['nslookup', 'user1'], 'nslookup-bind9'),
    case('host-nslookup-at-coredns', 'host', ['nslookup', 'headless1.default.svc.cluster.local', '10.96.0.10'], 'nslookup-bind9'),
    case('host-dig-at-coredns', 'host', ['dig', '@10.96.0.10', 'endpoint1.default.svc.cluster.local'], 'dig'),
    case('host-dig-google', 'host', ['dig', 'google.com'], 'dig'),
    case('host-curl-clusterip', 'host', ['curl', '{{svc:endpoint1}}:8080/hostname'], 'curl'),
    case('host-curl-name', 'host', ['curl', 'endpoint1:8080/hostname'], 'curl'),
    case('host-ping-clusterip', 'host', ['ping', '-c', '2', '{{svc:endpoint1}}'], 'ping-iputils', drop=['{{svc:endpoint1}}']),
    case('host-ping-pod', 'host', ['ping', '-c', '2', '{{pod4}}'], 'ping-iputils'),
    case('host-wget-clusterip', 'host', ['wget', '-O-', '{{svc:endpoint1}}:8080/hostname'], 'wget-gnu'),

    # --- tty (kubectl exec -it): stdout and stderr share the pty --------------------------
    case('tty-curl', 'pod4', ['curl', 'pod-a.headless1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-v', 'pod4', ['curl', '-v', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-I', 'pod4', ['curl', '-I', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-refused', 'pod4', ['curl', 'pod-a.headless1:9999/'], 'curl', pty=True),
    case('tty-curl-unresolved', 'pod4', ['curl', 'nosuch:8080/hostname'], 'curl', pty=True),
    case('tty-curl-timeout-m', 'pod4', ['curl', '-m', '2', 'endpoint1:9999'], 'curl', pty=True, drop=['{{svc:endpoint1}}']),
    case('tty-curl-no-endpoints', 'pod4', ['curl', 'empty1'], 'curl', pty=True),
    case('tty-curl-externalname', 'pod4', ['curl', 'externalname1'], 'curl', pty=True),
    case('tty-curl-sS-o', 'pod4', ['curl', '-sS', '-o', 'x.txt', 'nosuch'], 'curl', pty=True),
    case('tty-curl-w', 'pod4', ['curl', '-w', '\\n%{http_code} %{remote_ip}:%{remote_port} %{size_download}\\n', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-s-v', 'pod4', ['curl', '-sv', 'pod-b.headless1:8080/hostname'], 'curl', pty=True),
    bb('tty-wget-busybox-save', ['wget', 'endpoint2:8080/hostname'], 'wget-busybox', pty=True),
    bb('tty-wget-busybox-O-', ['wget', '-O-', 'pod-a.headless1:8080/hostname'], 'wget-busybox', pty=True),
    bb('tty-wget-busybox-refused', ['wget', 'pod-a.headless1:9999/'], 'wget-busybox', pty=True),
    bb('tty-wget-busybox-404', ['wget', 'endpoint1:8080/nope'], 'wget-busybox', pty=True),
    case('tty-wget-gnu-save', 'tools', ['wget', 'endpoint1:8080/hostname'], 'wget-gnu', pty=True),
    case('tty-wget-gnu-O-', 'tools', ['wget', '-O-', 'pod-a.headless1:8080/hostname'], 'wget-gnu', pty=True),
    case('tty-wget-gnu-q', 'tools', ['wget', '-qO-', 'pod-a.headless1:8080/hostname'], 'wget-gnu', pty=True),
    # --- more edges ----------------------------------------------------------------------
    bb('nslookup-busybox-aaaa-nodata', ['nslookup', '-type=aaaa', 'headless1.default.svc.cluster.local'], 'nslookup-busybox'),
    bb('nslookup-busybox-no-server', ['nslookup', 'headless1.default.svc.cluster.local'], 'nslookup-busybox', drop=['10.96.0.10'], timeout=40),
    bb('nslookup-busybox-ptr-svc', ['nslookup', '10.96.0.10'], 'nslookup-busybox'),
    case('nslookup-bind9-a-type', 'pod4', ['nslookup', '-type=a', 'pod-a.headless1'], 'nslookup-bind9'),
    case('nslookup-bind9-srv-google', 'pod4', ['nslookup', '-type=mx', 'google.com'], 'nslookup-bind9'),
    case('ping-iputils-pod-noptr', 'tools', ['ping', '-c', '1', '{{pod7|dash}}.default.pod.cluster.local'], 'ping-iputils'),
    case('ping-iputils-ip', 'tools', ['ping', '-c', '2', '{{pod4}}'], 'ping-iputils'),
    case('ping-iputils-external', 'tools', ['ping', '-c', '2', 'google.com'], 'ping-iputils'),
    case('curl-self-hosts', 'pod4', ['curl', '-s', 'pod-a:8080/hostname'], 'curl'),
    case('dig-ptr-svc-host', 'host', ['dig', '+short', '-x', '10.96.0.10', '@10.96.0.10'], 'dig'),
    case('dig-search-nx', 'tools', ['dig', '+search', 'nosuch'], 'dig'),
    case('dig-any-type-positional', 'tools', ['dig', 'endpoint1.default.svc.cluster.local', 'A', '+short'], 'dig'),

    # --- curl option coverage ------------------------------------------------------------
    case('curl-v-timeout-m', 'pod4', ['curl', '-v', '-m', '2', 'endpoint1:9999'], 'curl', drop=['{{svc:endpoint1}}']),
    case('curl-connect-timeout', 'pod4', ['curl', '--connect-timeout', '2', 'endpoint1:9999'], 'curl', drop=['{{svc:endpoint1}}']),
    case('tty-curl-v-o', 'pod4', ['curl', '-v', '-o', 'out.txt', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-i', 'pod4', ['curl', '-i', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-f', 'pod4', ['curl', '-f', 'endpoint1:8080/nope'], 'curl', pty=True),
    case('tty-curl-sSf', 'pod4', ['curl', '-sSf', 'endpoint1:8080/nope'], 'curl', pty=True),
    case('curl-L-v', 'pod4', ['curl', '-L', '-v', 'google.com'], 'curl'),
    case('tty-curl-L', 'pod4', ['curl', '-L', 'google.com'], 'curl', pty=True),
    case('tty-curl-X-POST', 'pod4', ['curl', '-X', 'POST', 'endpoint1:8080/hostname'], 'curl', pty=True),
    case('tty-curl-ftp', 'pod4', ['curl', 'ftp://pod-a.headless1/x'], 'curl', pty=True),
    case('tty-curl-bad-port', 'pod4', ['curl', 'http://endpoint1:99999/'], 'curl', pty=True),
    case('tty-curl-noargs', 'pod4', ['curl'], 'curl', pty=True),
    case('tty-curl-bogus', 'pod4', ['curl', '--bogus', 'endpoint1'], 'curl', pty=True),
    case('tty-curl-O-noname', 'pod4', ['curl', '-O', 'endpoint1:8080/'], 'curl', pty=True),
    case('tty-curl-v-no-endpoints', 'pod4', ['curl', '-v', 'empty1'], 'curl', pty=True),
    case('tty-curl-v-unresolved', 'pod4', ['curl', '-v', 'nosuch'], 'curl', pty=True),
    case('tty-curl-externalname-sample', 'pod4', ['curl', SAMPLE], 'curl', pty=True),
    case('tty-curl-two-urls', 'pod4', ['curl', 'pod-a.headless1:8080/hostname', 'pod-b.headless1:8080/hostname'], 'curl', pty=True),

    # --- host (bind9) and nc (netcat-openbsd) in netshoot ------------------------------------
    case('host-headless1', 'tools', ['host', 'headless1'], 'host'),
    case('host-pod-a', 'tools', ['host', 'pod-a.headless1'], 'host'),
    case('host-externalname', 'tools', ['host', 'externalname1'], 'host'),
    case('host-nxdomain', 'tools', ['host', 'nosuch'], 'host'),
    case('host-reverse', 'tools', ['host', '{{pod4}}'], 'host'),
    case('host-google', 'tools', ['host', 'google.com'], 'host'),
    case('host-type-srv', 'tools', ['host', '-t', 'srv', 'headless1.default.svc.cluster.local'], 'host'),
    case('nc-open', 'tools', ['nc', '-zv', 'endpoint1', '8080'], 'nc'),
    case('nc-refused', 'tools', ['nc', '-zv', 'pod-a.headless1', '9999'], 'nc'),
    case('nc-unresolved', 'tools', ['nc', '-zv', 'nosuch', '80'], 'nc'),
    case('nc-timeout', 'tools', ['nc', '-zv', '-w', '2', 'endpoint1', '9999'], 'nc', drop=['{{svc:endpoint1}}']),
    case('nc-pod-ip', 'tools', ['nc', '-zv', '{{pod4}}', '8080'], 'nc'),

    # --- file naming and ls layouts ------------------------------------------------------------
    bb('wget-busybox-exists', ['wget', 'endpoint1:8080/hostname'], 'wget-busybox', command=BB + 'wget -q endpoint1:8080/hostname; ' + BB + 'wget endpoint1:8080/hostname', setup=['wget', '-q', 'endpoint1:8080/hostname']),
    case('wget-gnu-exists', 'tools', ['wget', 'endpoint1:8080/hostname'], 'wget-gnu', command='wget -q endpoint1:8080/hostname; wget endpoint1:8080/hostname', setup=['wget', '-q', 'endpoint1:8080/hostname']),
    bb('ls-busybox-root', ['ls', '/'], 'ls-busybox', command='mkdir r && cd r && mkdir bin dev etc home lib lib64 proc root sys tmp usr var && ' + BB + 'ls', pty=True),
    case('ls-gnu-root', 'pod4', ['ls', '/'], 'ls-gnu', command='mkdir r && cd r && mkdir bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var && ls', pty=True),
]
