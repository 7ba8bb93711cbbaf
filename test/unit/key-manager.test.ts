import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { barbicanId } from '../../src/services/key-manager/index.js';
import { idFromRef } from '../../src/services/key-manager/refs.js';
import { base64 } from '../../src/services/key-manager/payload.js';

describe('references', () => {
  const ref = 'https://kms.example.com:9311/v1/secrets/2f0e2a3c-1111-4e5b-9c7d-000000000001';

  test('the id of a reference is its last path segment', () => {
    expect(idFromRef(ref)).toBe('2f0e2a3c-1111-4e5b-9c7d-000000000001');
    expect(idFromRef(`${ref}/`)).toBe('2f0e2a3c-1111-4e5b-9c7d-000000000001');
    expect(idFromRef(`${ref}?x=1`)).toBe('2f0e2a3c-1111-4e5b-9c7d-000000000001');
  });

  test('ids, references and resources all name the same thing; a reference into another collection does not', () => {
    expect(barbicanId('abc')).toBe('abc');
    expect(barbicanId({ id: 'abc' })).toBe('abc');
    expect(barbicanId(ref, 'secret', 'secrets')).toBe('2f0e2a3c-1111-4e5b-9c7d-000000000001');
    // Behind a proxy with a path prefix too.
    expect(barbicanId('https://cloud.example.com/key-manager/v1/containers/c1', 'container', 'containers')).toBe('c1');
    expect(() => barbicanId(ref, 'container', 'containers')).toThrow(ValidationError);
    expect(() => barbicanId('http://host/', 'secret', 'secrets')).toThrow(ValidationError);
    expect(() => barbicanId('', 'secret')).toThrow(ValidationError);
  });
});

test('base64 of payloads larger than one chunk matches the reference encoder', () => {
  const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
  expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  expect(base64(new Uint8Array(0))).toBe('');
});
