import { InvalidArgumentError } from 'commander';

/** An ISO 8601 instant, as epoch ms. */
export function parseInstant(value: string): number {
  // An instant needs its offset: a bare local time would mean different things on different machines.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('give an ISO 8601 instant with an offset, e.g. 2026-11-20T14:00:00+01:00');
  }
  return Date.parse(value);
}
