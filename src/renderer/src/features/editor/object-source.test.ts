import { describe, expect, it } from 'vitest';
import { findObjectSource } from './object-source';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: headless1
spec:
  clusterIP: None
`;
const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: pod-a
  labels:
    svc: headless
---
apiVersion: v1
kind: Pod
metadata:
  name: pod-b
  namespace: other
`;
const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: in-list
- apiVersion: v1
  kind: Pod
  metadata:
    name: pod-in-list
`;
const FILES = [
  { name: 'broken.yaml', text: 'kind: [\n' },
  { name: 'svc.yaml', text: SERVICE },
  { name: 'pods.yaml', text: PODS },
  { name: 'list.yaml', text: LIST },
];

describe('findObjectSource', () => {
  it.each([
    { what: 'a single-document file', ref: { kind: 'Service', namespace: 'default', name: 'headless1' }, want: { fileName: 'svc.yaml', startLine: 1, endLine: 6 } },
    { what: 'the first document of several', ref: { kind: 'Pod', namespace: 'default', name: 'pod-a' }, want: { fileName: 'pods.yaml', startLine: 1, endLine: 6 } },
    { what: 'a later document, by its namespace', ref: { kind: 'Pod', namespace: 'other', name: 'pod-b' }, want: { fileName: 'pods.yaml', startLine: 8, endLine: 12 } },
    { what: 'an item of a kind: List', ref: { kind: 'Pod', namespace: 'default', name: 'pod-in-list' }, want: { fileName: 'list.yaml', startLine: 8, endLine: 11 } },
    { what: 'no namespace in the ref means default', ref: { kind: 'Service', name: 'in-list' }, want: { fileName: 'list.yaml', startLine: 4, endLine: 7 } },
  ])('finds $what', ({ ref, want }) => {
    expect(findObjectSource(FILES, ref)).toEqual(want);
  });

  it.each([
    { what: 'another namespace', ref: { kind: 'Pod', namespace: 'kube-system', name: 'pod-a' } },
    { what: 'another kind of the same name', ref: { kind: 'Endpoints', namespace: 'default', name: 'headless1' } },
    { what: 'an object no file defines', ref: { kind: 'Service', namespace: 'default', name: 'kubernetes' } },
  ])('finds nothing for $what', ({ ref }) => {
    expect(findObjectSource(FILES, ref)).toBeUndefined();
  });
});
