/**
 * `npm run sandbox`: the embedded stand-in platform on its own, so anyone can point an agent
 * (ours, the Python SDK's, their own) at a contract-faithful Phase 30 platform on loopback.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeSecretFile } from '../lib/secret-file.ts';
import { mintTokenText } from './sandbox/tokens.ts';
import { parseSandboxCommand } from './sandbox/sandbox-config.ts';
import { createSandbox } from './sandbox/server.ts';

const command = parseSandboxCommand(process.argv.slice(2), process.env);
if (command.problems.length > 0) {
  for (const problem of command.problems) console.error(`sandbox: ${problem}`);
  console.error('usage: npm run sandbox -- [--port N] [--no-admin-token] [--env development|production] [--org-id ID] [--offline-after S] [--sweep S] [--a2a-timeout S] [--fault "POST /path -> 500"] [--fixed-enum] [--quiet]');
  process.exit(2);
}

const tokenBase = process.env.MOLECULE_TOKEN_DIR || join(homedir(), '.molecule');
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
      : (entry) => console.log(`${entry.method} ${entry.path} → ${entry.status} (${entry.durationMs} ms)${entry.fault ? ` [fault: ${entry.fault}]` : ''}`),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `sandbox: port ${command.options.port} is in use — pick another with --port or use --port 0` : `sandbox: ${(error as Error).message}`);
  process.exit(1);
}

const { settings } = sandbox;
console.log(`stand-in platform listening on ${sandbox.url}`);
console.log('  this is the launch kit\'s contract-faithful stand-in, not a Molecule deployment');
console.log(`  admin token: ${adminHint}`);
console.log(`  MOLECULE_ENV=${settings.environment}${settings.orgId ? `, MOLECULE_ORG_ID=${settings.orgId}` : ''}, offline after ${settings.offlineAfterMs / 1000} s without a heartbeat`);
for (const fault of command.options.faults ?? []) console.log(`  fault: ${fault.spec}`);
console.log(`  try: PLATFORM_URL=${sandbox.url} ADMIN_TOKEN=… npm run demo   (Ctrl-C stops the stand-in)`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
