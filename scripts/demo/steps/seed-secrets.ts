// Step seed-secrets: the secrets the agent pulls (key names printed, values never).
import { randomBytes } from 'node:crypto';
import { showNote } from '../present.ts';
import { workspaceCredential } from './credentials.ts';
import type { StepRunner } from './step-runner.ts';

/** The secret keys the demo seeds. */
export const SECRET_KEYS = { model: 'MODEL_NAME', apiKey: 'MODEL_API_KEY' } as const;
/** The model name stored as a secret (a value like any other: it is redacted too). */
export const DEMO_MODEL_NAME = 'research-model-large';

/** A fake API key for runs without DEMO_API_KEY: random per run, so nothing real can leak. */
export function makeFakeApiKey(): string {
  return `demo-fake-${randomBytes(12).toString('hex')}`;
}

/** Stores `MODEL_NAME` and the API key on the workspace; both values are redacted everywhere. */
export const seedSecretsStep: StepRunner = {
  async run(session) {
    const id = session.state.workspace!.id;
    const apiKey = session.options.apiKey ?? makeFakeApiKey();
    session.protect(apiKey);
    session.protect(DEMO_MODEL_NAME);
    for (const [key, value] of [
      [SECRET_KEYS.model, DEMO_MODEL_NAME],
      [SECRET_KEYS.apiKey, apiKey],
    ] as const) {
      await session.call({
        method: 'POST',
        path: `/workspaces/${id}/secrets`,
        auth: workspaceCredential(session),
        body: { key, value },
      });
    }
    showNote(
      session.terminal,
      `${session.options.apiKey ? 'the API key comes from DEMO_API_KEY' : 'the API key is a per-run fake'}; secret values never appear in the recording`,
    );
  },
};
