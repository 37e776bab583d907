#!/usr/bin/env python3
"""Capture servers: DNS (UDP+TCP :53) and HTTP on loopback addresses of a private network
namespace, answering from the simulated cluster through oracle.mts.

DNS replies are built the way CoreDNS builds them (miekg/dns): the question copied as asked,
QR set, RD copied, AA/RA/RCODE from the engine's message, the sections in order; no name
compression when the reply fits the client's buffer (dns.Msg.Truncate sets Compress=false);
an OPT record when the query had one (request.SizeAndDo: the request's OPT reused, version 0,
flags cleared but DO, options filtered to NSID/EXPIRE/COOKIE/TCP-KEEPALIVE/PADDING — so the
client cookie comes back alone and dig prints it "(echoed)").

HTTP: one response per connection, status line and headers exactly as the engine gives them.

Usage: servers.py DNS_IPS HTTP_ADDRS FROM  (comma-separated; HTTP_ADDRS as ip:port)
Only ever binds the addresses it is given (inside `unshare -n`, on lo).
"""

import json
import os
import socket
import struct
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..', '..'))

TYPES = {'A': 1, 'NS': 2, 'CNAME': 5, 'SOA': 6, 'PTR': 12, 'MX': 15, 'TXT': 16, 'AAAA': 28, 'SRV': 33, 'OPT': 41, 'ANY': 255}
TYPE_NAMES = {v: k for k, v in TYPES.items()}
RCODES = {'NOERROR': 0, 'FORMERR': 1, 'SERVFAIL': 2, 'NXDOMAIN': 3, 'NOTIMP': 4, 'REFUSED': 5}
SUPPORTED_OPTIONS = {3, 9, 10, 11, 12}  # NSID, EXPIRE, COOKIE, TCP-KEEPALIVE, PADDING


class Oracle:
    def __init__(self):
        self.proc = subprocess.Popen(
            ['npx', 'tsx', os.path.join(HERE, 'oracle.mts')],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        self.lock = threading.Lock()

    def ask(self, req):
        with self.lock:
            self.proc.stdin.write(json.dumps(req) + '\n')
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        return json.loads(line)


def encode_name(name):
    name = name.rstrip('.')
    out = b''
    if name:
        for label in name.split('.'):
            raw = label.encode()
            out += bytes([len(raw)]) + raw
    return out + b'\x00'


def encode_rdata(rtype, data):
    f = data.split()
    if rtype == 'A':
        return socket.inet_pton(socket.AF_INET, data)
    if rtype == 'AAAA':
        return socket.inet_pton(socket.AF_INET6, data)
    if rtype in ('CNAME', 'NS', 'PTR'):
        return encode_name(data)
    if rtype == 'SRV':
        return struct.pack('!HHH', int(f[0]), int(f[1]), int(f[2])) + encode_name(f[3])
    if rtype == 'MX':
        return struct.pack('!H', int(f[0])) + encode_name(f[1])
    if rtype == 'SOA':
        return encode_name(f[0]) + encode_name(f[1]) + struct.pack('!IIIII', *[int(x) for x in f[2:7]])
    if rtype == 'TXT':
        text = data.strip('"').encode()
        return bytes([len(text)]) + text
    raise ValueError(rtype)


def encode_rr(rr):
    rdata = encode_rdata(rr['type'], rr['data'])
    return encode_name(rr['name']) + struct.pack('!HHIH', TYPES[rr['type']], 1, rr['ttl'], len(rdata)) + rdata


def parse_query(data):
    qid, flags, qd, an, ns, ar = struct.unpack('!HHHHHH', data[:12])
    off = 12
    labels = []
    while data[off] != 0:
        n = data[off]
        labels.append(data[off + 1:off + 1 + n].decode())
        off += 1 + n
    off += 1
    qtype, qclass = struct.unpack('!HH', data[off:off + 4])
    qname_wire = data[12:off]
    off += 4
    opt = None
    for _ in range(ar):
        # additional: only OPT expected from dig/nslookup/busybox
        if data[off] != 0:
            break
        rtype, udp, ttl, rdlen = struct.unpack('!HHIH', data[off + 1:off + 11])
        rdata = data[off + 11:off + 11 + rdlen]
        off += 11 + rdlen
        if rtype == 41:
            options = []
            i = 0
            while i + 4 <= len(rdata):
                code, length = struct.unpack('!HH', rdata[i:i + 4])
                options.append((code, rdata[i + 4:i + 4 + length]))
                i += 4 + length
            opt = {'udp': udp, 'ttl': ttl, 'options': options}
    return {
        'id': qid, 'rd': bool(flags & 0x0100), 'name': '.'.join(labels) + '.', 'wire_name': qname_wire,
        'qtype': qtype, 'qclass': qclass, 'opt': opt,
    }


def build_reply(q, msg):
    flags = 0x8000 | (0x0100 if q['rd'] else 0)
    if msg['aa']:
        flags |= 0x0400
    if msg['ra']:
        flags |= 0x0080
    flags |= RCODES[msg['rcode']]
    sections = [msg['answer'], msg['authority'], msg['additional']]
    body = q['wire_name'] + struct.pack('!HH', q['qtype'], q['qclass'])
    for section in sections:
        for rr in section:
            body += encode_rr(rr)
    extra = len(msg['additional'])
    if q['opt'] is not None:
        ttl = q['opt']['ttl'] & 0xff00 & 0x8000  # version 0, flags cleared but DO
        options = b''.join(struct.pack('!HH', c, len(v)) + v for c, v in q['opt']['options'] if c in SUPPORTED_OPTIONS)
        body += b'\x00' + struct.pack('!HHIH', 41, q['opt']['udp'], ttl, len(options)) + options
        extra += 1
    header = struct.pack('!HHHHHH', q['id'], flags, 1, len(msg['answer']), len(msg['authority']), extra)
    return header + body


def dns_answer(oracle, server_ip, from_, data):
    q = parse_query(data)
    qtype = TYPE_NAMES.get(q['qtype'])
    if qtype is None:
        msg = {'rcode': 'NOTIMP', 'aa': False, 'ra': False, 'answer': [], 'authority': [], 'additional': []}
    else:
        out = oracle.ask({'op': 'dns', 'server': server_ip, 'from': from_, 'name': q['name'], 'type': qtype})
        if out.get('error'):
            sys.stderr.write('oracle: %s\n' % out['error'])
        msg = out.get('message')
        if msg is None:
            return None  # the engine timed out: no reply
    with open(os.environ.get('DNS_LOG', '/dev/null'), 'a') as log:
        log.write('%s %s %s\n' % (server_ip, q['name'], qtype))
    return build_reply(q, msg)


def serve_udp(oracle, ip, from_):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, 53))
    while True:
        data, addr = s.recvfrom(4096)
        reply = dns_answer(oracle, ip, from_, data)
        if reply is not None:
            s.sendto(reply, addr)


def serve_tcp_dns(oracle, ip, from_):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ip, 53))
    s.listen(8)
    while True:
        c, _ = s.accept()
        try:
            while True:
                head = c.recv(2)
                if len(head) < 2:
                    break
                (n,) = struct.unpack('!H', head)
                data = b''
                while len(data) < n:
                    chunk = c.recv(n - len(data))
                    if not chunk:
                        break
                    data += chunk
                reply = dns_answer(oracle, ip, from_, data)
                if reply is None:
                    break
                c.sendall(struct.pack('!H', len(reply)) + reply)
        finally:
            c.close()


def serve_http(oracle, ip, port, from_):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ip, port))
    s.listen(8)
    while True:
        c, _ = s.accept()
        threading.Thread(target=http_conn, args=(oracle, c, ip, port, from_), daemon=True).start()


def http_conn(oracle, c, ip, port, from_):
    c.settimeout(3)
    try:
        data = b''
        while b'\r\n\r\n' not in data:
            chunk = c.recv(4096)
            if not chunk:
                return
            data += chunk
        head = data.split(b'\r\n\r\n', 1)[0].decode('latin-1').split('\r\n')
        method, target, _ = head[0].split(' ', 2)
        headers = {}
        for line in head[1:]:
            k, v = line.split(':', 1)
            headers[k.strip().lower()] = v.strip()
        with open(os.environ.get('HTTP_LOG', '/dev/null'), 'a') as log:
            log.write(data.decode('latin-1') + '\n---\n')
        out = oracle.ask({'op': 'http', 'from': from_, 'ip': ip, 'port': port, 'method': method, 'host': headers.get('host', ''), 'path': target})
        r = out.get('response')
        if r is None or r['status'] == 0:
            return  # no HTTP answer: close
        lines = ['HTTP/1.1 %d %s' % (r['status'], r['statusText'])] + ['%s: %s' % (k, v) for k, v in r['headers'].items()]
        c.sendall(('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1') + r['body'].encode('utf-8'))
        # keep the connection open (HTTP/1.1 keep-alive) until the client closes it
        while c.recv(4096):
            pass
    except OSError:
        pass
    finally:
        c.close()


def main():
    dns_ips = [x for x in sys.argv[1].split(',') if x]
    http_addrs = [x for x in sys.argv[2].split(',') if x]
    from_ = sys.argv[3]
    oracle = Oracle()
    oracle.ask({'op': 'reset'})
    for ip in dns_ips:
        threading.Thread(target=serve_udp, args=(oracle, ip, from_), daemon=True).start()
        threading.Thread(target=serve_tcp_dns, args=(oracle, ip, from_), daemon=True).start()
    for addr in http_addrs:
        ip, port = addr.rsplit(':', 1)
        threading.Thread(target=serve_http, args=(oracle, ip, int(port), from_), daemon=True).start()
    sys.stdout.write('ready\n')
    sys.stdout.flush()
    threading.Event().wait()


if __name__ == '__main__':
    main()
