// Tests of the publishing rule.
import { describe, expect, test } from 'vitest';
import { explainUnpublishable, isPublishable, parseBuildNow } from '../../core/publishable.ts';

const NOW = new Date('2026-04-20T12:00:00Z');

describe('the publishability rule', () => {
  test.each([
    // The only combination that ships.
    [{ audience: 'public', status: 'approved' }, undefined],
    [{ audience: 'public', status: 'approved', embargo: new Date('2026-04-20T12:00:00Z') }, undefined],
    [{ audience: 'internal', status: 'approved' }, 'audience is internal'],
    [{ audience: 'public', status: 'draft' }, 'status is draft'],
    [{ audience: 'public', status: 'review' }, 'status is review'],
    // An embargo one second in the future still holds the piece back.
    [
      { audience: 'public', status: 'approved', embargo: new Date('2026-04-20T12:00:01Z') },
      'embargoed until 2026-04-20T12:00:01.000Z',
    ],
  ] as const)('%o → %s', (data, reason) => {
    expect(explainUnpublishable({ ...data }, NOW)).toBe(reason);
    expect(isPublishable({ ...data }, NOW)).toBe(reason === undefined);
  });

  test('reads BUILD_NOW as an ISO date and rejects anything else with the fix', () => {
    expect(parseBuildNow('2030-01-02').toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(parseBuildNow(undefined, NOW)).toBe(NOW);
    expect(() => parseBuildNow('next tuesday')).toThrowErrorMatchingInlineSnapshot(
      `[Error: BUILD_NOW="next tuesday" is not a date — use an ISO date such as 2026-04-20 or 2026-04-20T09:00:00Z]`,
    );
  });
});
