// Node's on-disk compile cache for a command's modules and its worker threads, like Astro's own CLI.
import module from 'node:module';

/**
 * Turns on Node's compile cache (V8 code for every module loaded from now on, TypeScript included,
 * kept under the OS temp folder and checked against each file's contents) for this thread, and
 * through `NODE_COMPILE_CACHE` for the worker threads and child processes it starts. A command
 * loads its heavy modules after the call (a dynamic `import()`), which then start in about two
 * thirds of the time. `NODE_DISABLE_COMPILE_CACHE=1` turns it off; a failure to turn it on is
 * harmless and silent, as Node designed it.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const result = module.enableCompileCache?.();
  if (result?.directory && !env.NODE_COMPILE_CACHE) env.NODE_COMPILE_CACHE = result.directory;
}
