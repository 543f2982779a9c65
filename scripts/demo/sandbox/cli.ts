// `npm run sandbox`: the stand-in platform on its own, on loopback, until Ctrl-C (exit 130); bad flags exit 2.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../lib/cli/run-command.ts';
import { locatedIssue } from '../../lib/cli/usage-issue.ts';
import { writeSecretFile } from '../../lib/secret-file.ts';
import { mintTokenText } from './tokens.ts';
import { parseSandboxCommand, SANDBOX_FLAGS, SANDBOX_USAGE, type SandboxCommand } from './sandbox-config.ts';
import { createSandbox } from './server.ts';

const problemAt = (where: string, message: string, hint?: string) => locatedIssue(where, 'sandbox', message, hint);

await runCommand<SandboxCommand>({
  name: 'sandbox',
  usage: SANDBOX_USAGE,
  options: SANDBOX_FLAGS,
  parse: parseSandboxCommand,
  async run(command, { signal, stdout, env }) {
    const print = (line: string) => stdout.write(`${line}\n`);
    const tokenBase = env.MOLECULE_TOKEN_DIR || join(homedir(), '.molecule');
    const adminTokenFile = join(tokenBase, 'sandbox', 'admin_token');
    let adminHint = 'none: bootstrap mode, admin routes stay open until the first workspace token exists';
    if (command.adminTokenSource === 'generate') {
      const token = mintTokenText();
      await writeSecretFile(adminTokenFile, token);
      command.options.adminToken = token;
      const shown = adminTokenFile.replace(homedir(), '~');
      adminHint = `written to ${shown} (0600) — export ADMIN_TOKEN="$(cat ${shown})"`;
    } else if (command.adminTokenSource === 'env') {
      adminHint = 'the value of $ADMIN_TOKEN';
    }

    let sandbox: Awaited<ReturnType<typeof createSandbox>>;
    try {
      sandbox = await createSandbox({
        ...command.options,
        onRequest: command.quiet
          ? undefined
          : (entry) =>
              print(
                `${entry.method} ${entry.path} → ${entry.status} (${entry.durationMs} ms)${entry.fault ? ` [fault: ${entry.fault}]` : ''}`,
              ),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
        return { issues: [problemAt('sandbox', (error as Error).message)] };
      const where = env.PORT && command.options.port === Number(env.PORT) ? 'PORT' : '--port';
      return {
        issues: [
          problemAt(where, `port ${command.options.port} is in use`, 'pick another with --port or use --port 0'),
        ],
      };
    }

    const { settings } = sandbox;
    print(`stand-in platform listening on ${sandbox.url}`);
    print("  this is the launch kit's contract-faithful stand-in, not a Molecule deployment");
    print(`  admin token: ${adminHint}`);
    print(
      `  MOLECULE_ENV=${settings.environment}${settings.orgId ? `, MOLECULE_ORG_ID=${settings.orgId}` : ''}, offline after ${settings.offlineAfterMs / 1000} s without a heartbeat`,
    );
    for (const fault of command.options.faults ?? []) print(`  fault: ${fault.spec}`);
    print(`  try: PLATFORM_URL=${sandbox.url} ADMIN_TOKEN=… npm run demo   (Ctrl-C stops the stand-in)`);

    // The stand-in serves until Ctrl-C (or SIGTERM); the harness then exits 130.
    await new Promise<void>((resolve) =>
      signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    await sandbox.close();
    return { issues: [] };
  },
});
