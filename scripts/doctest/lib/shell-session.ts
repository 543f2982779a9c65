// One bash session per page and pass (execa, own process group): runs blocks in order sharing variables, and stops everything it started.
import { execa, type ResultPromise } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How one block ended in the session. */
export interface ShellOutcome {
  /** Exit status of the block, or null when it did not finish (time-out, shell gone). */
  exitCode: number | null;
  timedOut: boolean;
  /** The shell itself ended during the block (e.g. the block ran `exit`). */
  shellEnded: boolean;
  /** Commands that failed inside the block: script line and command text (bash ERR trap). */
  failures: Array<{ line: number; command: string }>;
  output: string;
}

/** A running session. */
export interface ShellSession {
  /** Runs the script file `script` (relative to the work folder); output goes to `<script>.out`. */
  run(
    script: string,
    options: { env?: Record<string, string>; timeoutMs: number; background?: boolean; signal?: AbortSignal },
  ): Promise<ShellOutcome>;
  /** The output a background block has written so far, and its exit code once it has ended. */
  backgroundState(
    script: string,
  ): Promise<{ output: string; exitCode: number | null; failures: ShellOutcome['failures'] }>;
  /** Sets a shell variable for the blocks that follow (a capture). */
  setVariable(name: string, value: string): void;
  /** Stops the shell and every process it started (the whole process group). */
  stop(): Promise<void>;
}

// Block output goes to files, so the shell's own stdout carries only the runner's markers.
const PRELUDE = String.raw`
set -E -o pipefail
__doctest_run() {
  __doctest_err="$1.err"
  trap 'printf "%s\t%s\n" "$LINENO" "$BASH_COMMAND" >> "$__doctest_err"' ERR
  source "$1" > "$1.out" 2>&1 < /dev/null
  local rc=$?
  trap - ERR
  return $rc
}
`;

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Starts `bash` in `workDir` with exactly `env` (nothing inherited), in its own process group. */
export async function startShellSession(workDir: string, env: Record<string, string>): Promise<ShellSession> {
  const child: ResultPromise = execa('bash', ['--noprofile', '--norc'], {
    cwd: workDir,
    env,
    extendEnv: false,
    detached: true,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'ignore',
    reject: false,
    buffer: false,
  });
  let ended = false;
  let pending = '';
  const waiters = new Map<string, (code: number) => void>();
  const onEnd: Array<() => void> = [];
  void child.then(() => {
    ended = true;
    for (const callback of onEnd) callback();
  });
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const marker = /^__DOCTEST_DONE__ (\S+) (\d+)$/.exec(line);
      if (marker) waiters.get(marker[1]!)?.(Number(marker[2]));
    }
  });
  child.stdin!.write(PRELUDE);
  const send = (text: string) => !ended && child.stdin!.write(`${text}\n`);
  const readText = (path: string) => readFile(join(workDir, path), 'utf8').catch(() => '');
  const failuresOf = async (script: string) =>
    (await readText(`${script}.err`))
      .split('\n')
      .filter(Boolean)
      .map((row) => {
        const [line, ...command] = row.split('\t');
        return { line: Number(line), command: command.join('\t') };
      })
      .filter((failure) => !failure.command.startsWith('source "$1"'));
  return {
    async run(script, { env: vars = {}, timeoutMs, background = false, signal }) {
      for (const [name, value] of Object.entries(vars)) send(`export ${name}=${quote(value)}`);
      const done = new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
        const timer = setTimeout(() => resolve({ code: null, timedOut: true }), timeoutMs);
        waiters.set(script, (code) => (clearTimeout(timer), resolve({ code, timedOut: false })));
        onEnd.push(() => (clearTimeout(timer), resolve({ code: null, timedOut: false })));
        // Ctrl-C: stop waiting at once; the pass's cleanup stops the process group.
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve({ code: null, timedOut: false })), {
          once: true,
        });
      });
      if (background)
        send(
          `{ __doctest_run ${quote(script)}; echo $? > ${quote(`${script}.rc`)}; } &\nprintf '\\n__DOCTEST_DONE__ %s 0\\n' ${quote(script)}`,
        );
      else send(`__doctest_run ${quote(script)}; printf '\\n__DOCTEST_DONE__ %s %d\\n' ${quote(script)} $?`);
      const { code, timedOut } = await done;
      waiters.delete(script);
      return {
        exitCode: code,
        timedOut,
        shellEnded: code === null && !timedOut,
        failures: await failuresOf(script),
        output: await readText(`${script}.out`),
      };
    },
    setVariable(name, value) {
      send(`${name}=${quote(value)}`);
    },
    async backgroundState(script) {
      const rc = (await readText(`${script}.rc`)).trim();
      return {
        output: await readText(`${script}.out`),
        exitCode: rc === '' ? null : Number(rc),
        failures: await failuresOf(script),
      };
    },
    async stop() {
      const pid = child.pid;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          if (pid) process.kill(-pid, signal);
        } catch {
          // The group is already gone.
        }
      };
      child.stdin!.end();
      signalGroup('SIGTERM');
      const grace = new Promise((resolve) => setTimeout(resolve, 1500));
      await Promise.race([child, grace]);
      // Background jobs outlive bash in its group: make sure none is left.
      await new Promise((resolve) => setTimeout(resolve, 100));
      signalGroup('SIGKILL');
      await child;
    },
  };
}
