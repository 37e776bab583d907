/**
 * metadata.generateName as the apiserver completes it (apiserver/pkg/storage/names/generate.go):
 * the prefix, cut to 58 characters, plus five characters from utilrand's alphabet
 * "bcdfghjklmnpqrstvwxz2456789" (no vowels, no 0/1/3, so no accidental words). Drawn from a
 * seeded stream here, so the same manifests and seed give the same `svc-x7k2q` names.
 */

import type { Random } from '../random';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

/** A name from `prefix` plus a random suffix, retrying while `taken(name)` is true. */
export function generateName(prefix: string, random: Random, taken: (name: string) => boolean): string {
  const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
  for (;;) {
    let suffix = '';
    for (let i = 0; i < RANDOM_LENGTH; i++) suffix += ALPHABET[random.int(ALPHABET.length)];
    const name = base + suffix;
    if (!taken(name)) return name;
  }
}
