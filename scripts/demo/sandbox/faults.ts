/** A deliberate failure the stand-in injects, for rehearsing how a client copes. */
export interface Fault {
  /** The spec as written, for messages. */
  spec: string;
  method: string;
  pattern: RegExp;
  /** Answer with this status and `{"error":…}`, never answer, or drop the connection. */
  action: number | 'hang' | 'reset';
  /** Matching requests to let through before the fault starts. */
  after: number;
  /** How many times to fire (Infinity by default). */
  times: number;
  /** Matching requests seen so far. */
  seen: number;
}

const SPEC = /^(GET|POST|PUT|DELETE|PATCH)\s+(\/\S*)\s*->\s*(\d{3}|hang|reset)((?:\s+(?:times|after)=\d+)*)$/i;

function globToPattern(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]+')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Parses `METHOD /path/glob -> 500|hang|reset [after=N] [times=N]` (`*` is one path segment,
 * `**` any). Returns the fault or a message saying what is wrong.
 */
export function parseFault(spec: string): Fault | string {
  const match = SPEC.exec(spec.trim());
  if (!match) return `bad fault "${spec}": expected "METHOD /path -> STATUS|hang|reset [after=N] [times=N]"`;
  const options = Object.fromEntries(
    [...match[4]!.matchAll(/(times|after)=(\d+)/g)].map((part) => [part[1]!, Number(part[2])]),
  );
  const action = /^\d+$/.test(match[3]!) ? Number(match[3]) : (match[3]!.toLowerCase() as 'hang' | 'reset');
  if (typeof action === 'number' && (action < 100 || action > 599))
    return `bad fault "${spec}": status must be 100-599`;
  return {
    spec,
    method: match[1]!.toUpperCase(),
    pattern: globToPattern(match[2]!),
    action,
    after: options.after ?? 0,
    times: options.times ?? Infinity,
    seen: 0,
  };
}

/** The fault that fires for this request, if any (counts the request against each matching fault). */
export function takeFault(faults: readonly Fault[], method: string, path: string): Fault | undefined {
  for (const fault of faults) {
    if (fault.method !== method || !fault.pattern.test(path)) continue;
    fault.seen++;
    if (fault.seen > fault.after && fault.seen <= fault.after + fault.times) return fault;
  }
  return undefined;
}
