import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { idOf, parseResponse, ResponseError, ValidationError } from '../../src/index.js';
import { validateInput } from '../../src/base/validate.js';

describe('input and response checks', () => {
  const Attrs = v.object({ flavor: v.string(), size: v.optional(v.pipe(v.number(), v.minValue(1, 'must be 1 or more'))) });

  test('a missing field is named and said to be required', () => {
    expect(() => validateInput(Attrs, {}, 'attrs')).toThrow(new ValidationError('is required', 'attrs.flavor'));
  });

  test("a wrong value names its field and the schema's message", () => {
    const err = (() => {
      try {
        validateInput(Attrs, { flavor: 'x', size: 0 }, 'attrs');
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err?.field).toBe('attrs.size');
    expect(err?.message).toBe('attrs.size: must be 1 or more');
  });

  test('an id or an object with an id; anything else is refused', () => {
    expect(idOf('abc')).toBe('abc');
    expect(idOf({ id: 'abc' })).toBe('abc');
    expect(() => idOf('  ')).toThrow(ValidationError);
    expect(() => idOf(undefined)).toThrow(ValidationError);
  });

  test('a malformed answer is a ResponseError naming where', () => {
    expect(() => parseResponse(v.looseObject({ id: v.string() }), { id: 5 }, 'server')).toThrow(ResponseError);
    expect(() => parseResponse(v.looseObject({ id: v.string() }), { id: 5 }, 'server')).toThrow(/Unexpected server from the cloud at 'id'/);
    // loose schemas let newer microversions' extra fields through untouched
    expect(parseResponse(v.looseObject({ id: v.string() }), { id: 'a', extra: 1 }, 'server')).toEqual({ id: 'a', extra: 1 });
  });
});
