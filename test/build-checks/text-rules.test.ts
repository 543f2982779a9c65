// Tests of the text scanners behind the fact rule: route mentions, liveness and token figures.
import { describe, expect, test } from 'vitest';
import { loadFacts } from '../../core/facts.ts';
import { findRouteMentions, routeIsListed } from '../../scripts/build-checks/lib/route-mentions.ts';
import { findLivenessProblems, findTokenProblems } from '../../scripts/build-checks/lib/fact-figures.ts';
import { findSecrets } from '../../scripts/build-checks/lib/secret-shapes.ts';
import { sentenceAround } from '../../scripts/build-checks/checks/claim.ts';
import { CLAIM_RULES } from '../../scripts/build-checks/lib/claim-rules.ts';

// The fixture's facts: heartbeat 30 s, offline after 90 s, sweep 15 s, TTL 180 s, peer cache 300 s, 43-character base64url tokens.
const facts = loadFacts(`${import.meta.dirname}/../fixtures/checks-pass`);

describe('route mentions', () => {
  test.each([
    // exact routes, with or without a method, any id form
    ['POST /registry/register', true],
    ['GET /workspaces/:id/secrets/values', true],
    ['GET /workspaces/{id}/state', true],
    ['curl $PLATFORM/workspaces/ws-abc123/state', true],
    ['http://localhost:8080/registry/heartbeat', true],
    ['the `/registry/*` endpoints', true],
    ['GET /health', true],
    // a path that starts a listed route, without a method
    ['the `/workspaces/:id` family', true],
    // wrong method for an existing path (C8)
    ['GET /workspaces/:id/secrets', false],
    // wrong mount point (C9)
    ['GET /plugins/:name/download', false],
    // a reserved word where an id belongs
    ['GET /workspaces/secrets/values', false],
    // a route the platform does not have
    ['POST /registry/unregister', false],
  ])('%s → listed: %s', (text, listed) => {
    const mentions = findRouteMentions(text, facts.routes);
    expect(mentions).toHaveLength(1);
    expect(routeIsListed(mentions[0]!, facts.routes)).toBe(listed);
  });

  test('ignores site paths, URLs on other hosts and words that only contain a prefix', () => {
    expect(
      findRouteMentions('see /guides/remote-workspaces/ and /docs/api-reference and workspaces/x', facts.routes),
    ).toEqual([]);
  });
});

describe('liveness figures', () => {
  test.each([
    ['The agent heartbeats every 30 s and goes offline after 90 seconds.', []],
    ['Without Docker the Redis TTL of 180 s is the only timer.', []],
    ['A workspace goes offline after 60 seconds without a heartbeat.', ['60 seconds']],
    ['Heartbeats are sent every 15 s.', ['15 s']],
    ['The liveness TTL is 90s.', ['90s']],
    ['If the agent misses two heartbeats it is marked offline.', ['misses two heartbeats']],
    ['The sweep runs every 15 s; stale agents go offline after 3 minutes.', []],
    ['Canvas times out after about 30 s.', []],
  ])('%s', (text, figures) => {
    expect(findLivenessProblems(text, facts).map((problem) => problem.text.trim())).toEqual(figures);
  });
});

describe('token claims', () => {
  test.each([
    ['The workspace token is a 43-character base64url string with 256 bits of entropy.', []],
    ['Only the 8-character prefix of the token is stored.', []],
    ['The token looks like mol_ws_… and is 64 hex characters.', ['mol_ws_…', '64 hex characters']],
    ['Each token carries 128 bits.', ['128 bits']],
    ['Tokens have no mol_ prefix.', []],
  ])('%s', (text, figures) => {
    expect(findTokenProblems(text, facts).map((problem) => problem.text)).toEqual(figures);
  });
});

describe('secrets', () => {
  test('finds token shapes but never placeholders', () => {
    const text = [
      'Authorization: Bearer DDD1j2q3rNFRpfD_S0j-QfhN0ksTBD7a3oiDYoFTus8',
      '{"auth_token": "sPmy9EquwLa_UWra35evNV_2kBEJL92u4bLIcWVf1ig"}',
      'Authorization: Bearer $WORKSPACE_TOKEN',
      'auth_token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'OPENAI_API_KEY=sk-your-key-goes-here-please',
      'export MOLECULE_TOKEN=mol_Zq81kWcPe04LxRtY7bNv',
    ].join('\n');
    expect(findSecrets(text).map((hit) => hit.kind)).toEqual([
      'a 43-character base64url token after "Bearer"',
      'a 43-character base64url token after "auth_token"',
      'a "mol_" token',
    ]);
  });
});

describe('claims', () => {
  const matched = (text: string) =>
    CLAIM_RULES.flatMap((rule) =>
      [...text.matchAll(rule.pattern)]
        .filter((match) => !rule.exemptAfter?.test(text.slice(Math.max(0, match.index - 30), match.index)))
        .map((match) => match[0]),
    );

  test.each([
    ['Molecule AI is the only platform with remote runtimes.', ['the only platform']],
    ['The first step is to register.', []],
    ['We were first-mover in A2A.', ['first-mover']],
    ['SOC 2 ready.', ['SOC 2']],
    ['It is faster than a container.', ['faster than']],
    ['Uptime is guaranteed.', ['guaranteed']],
    ['Cuts setup time by 80%.', ['80%']],
    ['Keep captions above the bottom 20 % of the frame.', []],
    ['Speak at a rate of +10%.', []],
    ['Over 23,300 GitHub stars.', ['23,300 GitHub stars']],
  ])('%s', (text, claims) => {
    expect(matched(text)).toEqual(claims);
  });

  test('finds the sentence around a claim', () => {
    const text = 'First sentence. Molecule is the only platform here.[^1] Last one.';
    const [start, end] = sentenceAround(text, text.indexOf('only'));
    expect(text.slice(start, end)).toBe('Molecule is the only platform here.[^1]');
  });
});
