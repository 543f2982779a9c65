// Step health: GET /health answers, and says whether it is the stand-in.
import { STAND_IN_HEADER } from '../sandbox/server.ts';
import { showNote } from '../present.ts';
import type { StepRunner } from './step-runner.ts';

/** `GET /health`: the platform answers, and says whether it is the launch kit's stand-in. */
export const healthStep: StepRunner = {
  async run(session) {
    const response = await session.call({ method: 'GET', path: '/health' });
    if ((response.body as { status?: unknown } | undefined)?.status !== 'ok') {
      showNote(session.terminal, `unexpected health body; continuing, the platform answered ${response.status}`);
    }
    if (response.headers.get(STAND_IN_HEADER) && session.platform.kind !== 'stand-in') {
      session.platform.kind = 'stand-in';
      showNote(
        session.terminal,
        "this platform identifies itself as the launch kit's stand-in: the recording will say so",
      );
    }
  },
};
