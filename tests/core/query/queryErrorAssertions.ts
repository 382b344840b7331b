// Shared assertion for query errors: the code, the exact message, where it points, and a hint.
import { expect } from 'vitest';
import { ErrorCode, QueryError } from '../../../src/core/errors.js';

export function expectQueryError(run: () => unknown, expected: { message: string | RegExp; position: number; hint?: RegExp }): QueryError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(QueryError);
  const error = caught as QueryError;
  expect(error.code).toBe(ErrorCode.QueryInvalid);
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else expect(error.message).toMatch(expected.message);
  expect(error.position).toBe(expected.position);
  expect(error.hint?.trim()).toBeTruthy();
  if (expected.hint !== undefined) expect(error.hint).toMatch(expected.hint);
  return error;
}
