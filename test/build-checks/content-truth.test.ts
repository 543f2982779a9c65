import { describe, expect, test } from 'vitest';
import { findCodeMentions, findProseMentions } from '../../scripts/build-checks/vocab-mentions.ts';
import { collectSources } from '../../scripts/build-checks/steps/collect.ts';
import { createRunState, runChecks } from '../../scripts/build-checks/steps/run-checks.ts';
import { vocabCheck } from '../../scripts/build-checks/checks/vocab.ts';
import { factCheck } from '../../scripts/build-checks/checks/fact.ts';
import { findConditionProblems } from '../../scripts/build-checks/fact-conditions.ts';
import { loadFacts } from '../../core/facts.ts';
import { describeIssues } from './check-fixture.ts';

// The fixture's facts: offline after 90 s only with the Docker provisioner, otherwise the 180 s TTL.
const facts = loadFacts(`${import.meta.dirname}/../fixtures/checks-pass`);

const names = (mentions: ReturnType<typeof findCodeMentions>) =>
  mentions.map((mention) => `${mention.kind} ${mention.name}`).sort();

describe('product identifiers in code', () => {
  test('a shell block yields its upper-case variables, headers and installs', () => {
    const block =
      '```bash\nexport CONTAINER_BACKEND=flyio\nread -rs ADMIN_TOKEN\ncurl "$PLATFORM_URL/x" -H "X-Workspace-ID: ${WORKSPACE_ID}"\npip install molecule-sdk\n```';
    expect(names(findCodeMentions(block))).toEqual([
      'header X-Workspace-ID',
      'pip molecule-sdk',
      'variable ADMIN_TOKEN',
      'variable CONTAINER_BACKEND',
      'variable PLATFORM_URL',
      'variable WORKSPACE_ID',
    ]);
  });

  test('a Python block yields SDK imports, calls, constructor arguments and environment reads', () => {
    const block =
      '```python\nfrom molecule_agent import RemoteAgentClient as C\nclient = RemoteAgentClient(workspace_id=os.environ["WORKSPACE_ID"], agent_card={"name": "x"}, auth_token=t)\nclient.run_heartbeat_loop_async()\n```';
    expect(names(findCodeMentions(block))).toEqual([
      'class RemoteAgentClient',
      'method run_heartbeat_loop_async',
      'module molecule_agent',
      'parameter agent_card',
      'parameter auth_token',
      'parameter workspace_id',
      'variable WORKSPACE_ID',
    ]);
  });

  test('upper-case words outside a shell block are not variables', () => {
    expect(findCodeMentions('```json\n{"KEY": "value"}\n```')).toEqual([]);
  });
});

describe('product identifiers in prose', () => {
  test('backticks name variables, events and SDK calls; plain words and bare command names do not', () => {
    const text =
      'Set `MOLECULE_ORG_ID`, watch `WORKSPACE_OFFLINE`, call `pull_secrets()`. There is no `molecule` command, but `molecule login` is one. README and API are words.';
    expect(names(findProseMentions(text))).toEqual([
      'cli molecule login',
      'event WORKSPACE_OFFLINE',
      'method pull_secrets',
      'variable MOLECULE_ORG_ID',
    ]);
  });

  test('error bodies and headers count anywhere', () => {
    expect(
      names(findProseMentions('It answers {"error":"missing caller auth token"} unless X-Workspace-ID is sent.')),
    ).toEqual(['error missing caller auth token', 'header X-Workspace-ID']);
  });
});

describe('conditional figures', () => {
  const flagged = (text: string) =>
    findConditionProblems(text, facts).map((problem) => text.slice(problem.index, problem.index + 6));

  test.each([
    ['A workspace goes offline after 90 s without a heartbeat.', ['90 s w']],
    ['On Docker-backed platforms a workspace goes offline after 90 s without a heartbeat.', []],
    ['With the Docker provisioner the sweep decides.\nA silent workspace turns offline after 90 seconds.', []],
    ['If heartbeats stop for 90 seconds, the workspace shows as offline.', ['90 sec']],
    ['Without a heartbeat for 180 s the liveness key expires and the node goes offline.', []],
    ['心跳中断 90 秒，工作区就显示离线。', ['90 秒，工']],
    ['在运行 Docker 的平台上，心跳中断 90 秒，工作区就显示离线；其他平台要等 180 秒。', []],
  ])('%s', (text, figures) => {
    expect(flagged(text)).toEqual(figures);
  });
});

describe('the real content', () => {
  test('names only identifiers the vocabulary holds and states every conditional figure with its condition', async () => {
    const sources = await collectSources(process.cwd(), { now: new Date('2026-04-20T13:00:00Z'), generators: [] });
    expect(sources.facts?.vocabulary, 'content/facts.yaml has a vocabulary').toBeDefined();
    const run = await runChecks([vocabCheck, factCheck], 'source', sources, { external: false }, createRunState());
    expect(describeIssues(run.issues)).toEqual([]);
  });
});
