// Runs espeak-ng, ffmpeg and ffprobe through execa, with install hints when one is missing.
import { execa, execaSync, ExecaError } from 'execa';

/** What to do when espeak-ng, ffmpeg or ffprobe is missing. */
export const TOOL_INSTALL_HINT =
  'run `npm run setup` (installs espeak-ng and ffmpeg), or install them with your package manager';

/** A system tool the pipeline needs is not installed. */
export class ToolMissingError extends Error {
  readonly tool: string;
  constructor(tool: string) {
    super(`${tool} is not installed or not on PATH`);
    this.name = 'ToolMissingError';
    this.tool = tool;
  }
}

/** A system tool ran and failed; the message names the step and ends with the tool's own last words. */
export class ToolFailedError extends Error {
  constructor(step: string, tool: string, detail: string) {
    super(`${step}: ${tool} ${detail}`);
    this.name = 'ToolFailedError';
  }
}

function describeFailure(error: ExecaError): string {
  const tail = String(error.stderr ?? '')
    .trim()
    .split('\n')
    .slice(-3)
    .join(' | ');
  const how =
    error.exitCode === undefined
      ? error.signal
        ? `was killed (${error.signal})`
        : 'failed'
      : `exited ${error.exitCode}`;
  return tail ? `${how}: ${tail}` : how;
}

/** Runs a tool to completion and returns its output; `step` says what it was for in error messages. */
export async function runTool(
  tool: string,
  args: readonly string[],
  step: string,
  input?: string,
): Promise<{ stdout: string; stderr: string }> {
  try {
    const result = await execa(tool, args, { input, stripFinalNewline: false, maxBuffer: 64 * 1024 * 1024 });
    return { stdout: String(result.stdout), stderr: String(result.stderr) };
  } catch (error) {
    if (error instanceof ExecaError && error.code === 'ENOENT') throw new ToolMissingError(tool);
    if (error instanceof ExecaError) throw new ToolFailedError(step, tool, describeFailure(error));
    throw error;
  }
}

/** Synchronous variant for cheap version probes. */
export function runToolSync(tool: string, args: readonly string[], step: string): string {
  try {
    return String(execaSync(tool, args).stdout);
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') throw new ToolMissingError(tool);
    if (error instanceof ExecaError) throw new ToolFailedError(step, tool, describeFailure(error));
    throw error;
  }
}
