import { describe, expect, it } from 'vitest';
import { hasTool, imageID, imageProfile, listeningPorts, parseImageReference } from './images';

describe('images', () => {
  it.each([
    { image: 'nginx', canonical: 'docker.io/library/nginx:latest' },
    { image: 'kubetm/app:v1', canonical: 'docker.io/kubetm/app:v1' },
    { image: 'registry.k8s.io/coredns/coredns:v1.11.3', canonical: 'registry.k8s.io/coredns/coredns:v1.11.3' },
    { image: 'localhost:5000/my/app', canonical: 'localhost:5000/my/app:latest' },
  ])('normalizes $image', ({ image, canonical }) => {
    expect(parseImageReference(image).canonical).toBe(canonical);
  });

  it.each([
    { image: 'kubetm/app', tool: 'curl', has: true },
    { image: 'kubetm/app', tool: 'nslookup', has: true },
    { image: 'busybox', tool: 'curl', has: false },
    { image: 'busybox', tool: 'wget', has: true },
    { image: 'busybox:1.36', tool: 'dig', has: false },
    { image: 'nicolaka/netshoot', tool: 'dig', has: true },
    { image: 'nginx', tool: 'curl', has: true },
    { image: 'nginx', tool: 'nslookup', has: false },
    { image: 'alpine', tool: 'nslookup', has: true },
    { image: 'registry.k8s.io/coredns/coredns:v1.11.3', tool: 'sh', has: false },
    { image: 'example/unknown', tool: 'sh', has: true },
    { image: 'example/unknown', tool: 'curl', has: false },
  ] as const)('$image has $tool: $has', ({ image, tool, has }) => {
    expect(hasTool(image, tool)).toBe(has);
  });

  it('lets an unknown image listen on its declared ports, a known one on its own', () => {
    expect(listeningPorts('example/unknown', [{ containerPort: 3000 }]).map((p) => p.port)).toEqual([3000]);
    expect(listeningPorts('kubetm/app', [{ containerPort: 3000 }]).map((p) => p.port)).toEqual([8080]);
    expect(imageProfile('nginx:alpine').listens.map((p) => p.port)).toEqual([80]);
  });

  it('derives a stable imageID', () => {
    expect(imageID('nginx')).toBe(imageID('docker.io/library/nginx:latest'));
    expect(imageID('nginx')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });
});

describe('memoized image strings', () => {
  it('canonicalImage and imageID answer as the parse does, call after call', async () => {
    const { canonicalImage, imageID, parseImageReference, imageDigest } = await import('./images');
    for (let round = 0; round < 2; round++) {
      for (const image of ['nginx', 'kubetm/app', 'registry.k8s.io/coredns/coredns:v1.11.3', 'busybox@sha256:abc', ...Array.from({ length: 300 }, (_, i) => `img${i}:v${i}`)]) {
        const ref = parseImageReference(image);
        expect(canonicalImage(image)).toBe(ref.canonical);
        expect(imageID(image)).toBe(`${ref.registry}/${ref.repository}@${imageDigest(image)}`);
      }
    }
  });
});
