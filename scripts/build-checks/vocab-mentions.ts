// Finds product identifiers written in content: variables, headers, packages, SDK calls, events, error bodies.

/** What kind of identifier a mention is; each kind is looked up in its own part of the vocabulary. */
export type VocabKind =
  'variable' | 'header' | 'pip' | 'npm' | 'cli' | 'method' | 'class' | 'module' | 'parameter' | 'event' | 'error';

/** One identifier as written, with its index in the scanned text. */
export interface VocabMention {
  kind: VocabKind;
  name: string;
  index: number;
}

const SHELL_FENCE = /^\s*(?:```|~~~)\s*(?:bash|sh|shell|zsh|console|shell-session|env|dotenv)?\s*$/;
const EVENT_PREFIX = /\b(?:WORKSPACE|AGENT_CARD|TASK|A2A|ACTIVITY)_[A-Z][A-Z_]*\b/g;
const HEADER = /(?<![\w-])X-[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g;
const ERROR_BODY = /"error"\s*:\s*"([^"\\]+)"/g;
const INSTALL =
  /\b(pip3?|python3? -m pip|npm|npx|pnpm|yarn)\s+(?:install|add|i)?\s*((?:\s*-{1,2}[\w-]+)*)\s+([@\w][\w./@-]*)/g;
const NPX = /\bnpx\s+(?:-{1,2}[\w-]+\s+)*([@\w][\w./-]*?)(?:@[\w.^~-]+)?(?=[\s`'"]|$)/g;
const CLIENT_CALL = /\b(client|RemoteAgentClient|A2AServer|server)\.([A-Za-z_]\w*)\s*\(/g;
const SDK_IMPORT = /\bfrom\s+([a-z_][\w.]*)\s+import\s+([\w, ]+)|\bimport\s+(molecule[\w.]*)/g;
const CONSTRUCTOR = /\b(?:RemoteAgentClient|A2AServer)\s*\(/g;

function push(out: VocabMention[], kind: VocabKind, name: string, index: number): void {
  out.push({ kind, name, index });
}

/** Upper-case shell variables: `$NAME`, `${NAME}`, `NAME=…` assignments, `export NAME`, `read -rs NAME`. */
function shellVariables(text: string, out: VocabMention[]): void {
  for (const match of text.matchAll(/\$\{?([A-Z][A-Z0-9_]+)\b/g))
    push(out, 'variable', match[1]!, match.index + match[0].indexOf(match[1]!));
  for (const match of text.matchAll(/(?:^|[\s;&|(])(?:export\s+|read\s+(?:-\w+\s+)*)?([A-Z][A-Z0-9_]+)(?==)/gm)) {
    push(out, 'variable', match[1]!, match.index + match[0].lastIndexOf(match[1]!));
  }
  for (const match of text.matchAll(/\b(?:export|read\s+(?:-\w+\s+)*)\s*([A-Z][A-Z0-9_]+)\b(?!=)/g)) {
    push(out, 'variable', match[1]!, match.index + match[0].lastIndexOf(match[1]!));
  }
}

/** Calls into the SDK: `client.method(…)`, imports, constructor keyword arguments. */
function sdkNames(text: string, out: VocabMention[]): void {
  for (const match of text.matchAll(CLIENT_CALL))
    push(out, 'method', match[2]!, match.index + match[0].indexOf(match[2]!, match[1]!.length));
  for (const match of text.matchAll(SDK_IMPORT)) {
    const module = match[1] ?? match[3]!;
    if (!module.startsWith('molecule')) continue;
    push(out, 'module', module, match.index + match[0].indexOf(module));
    if (!match[2]) continue;
    let from = match.index + match[0].indexOf(' import ') + 8;
    for (const name of match[2]
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0]!)
      .filter(Boolean)) {
      const at = text.indexOf(name, from);
      push(out, 'class', name, at);
      from = at + name.length;
    }
  }
  for (const match of text.matchAll(CONSTRUCTOR)) {
    const open = match.index + match[0].length;
    let depth = 0;
    for (let at = open; at < text.length && depth >= 0; at++) {
      const char = text[at]!;
      if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) depth--;
      else if (depth === 0 && /[(,\s]/.test(text[at - 1]!)) {
        const keyword = /^([a-z_]\w*)\s*=(?!=)/.exec(text.slice(at, at + 60));
        if (keyword) push(out, 'parameter', keyword[1]!, at);
      }
    }
  }
}

/** Mentions that count wherever they are written: headers, events, error bodies, installs, SDK calls. */
function anywhere(text: string, out: VocabMention[]): void {
  for (const match of text.matchAll(HEADER)) push(out, 'header', match[0], match.index);
  for (const match of text.matchAll(EVENT_PREFIX)) push(out, 'event', match[0], match.index);
  for (const match of text.matchAll(ERROR_BODY))
    push(out, 'error', match[1]!, match.index + match[0].lastIndexOf(match[1]!));
  for (const match of text.matchAll(INSTALL)) {
    if (match[1] === 'npx') continue;
    const kind = match[1]!.includes('pip') ? 'pip' : 'npm';
    const name = match[3]!.replace(/(?<=.)@[\w.^~-]+$/, '').replace(/[.,;:]$/, '');
    push(out, kind, name, match.index + match[0].lastIndexOf(match[3]!));
  }
  for (const match of text.matchAll(NPX)) push(out, 'npm', match[1]!, match.index + match[0].indexOf(match[1]!, 3));
  for (const match of text.matchAll(/\bpython3? -m (molecule[\w.]*)(?: ([a-z][\w-]*))?/g)) {
    push(out, 'cli', match[2] ? `${match[1]} ${match[2]}` : match[1]!, match.index + match[0].indexOf(match[1]!));
  }
  sdkNames(text, out);
}

/** Identifiers in a fenced code block (fence line included); shell blocks also yield their variables. */
export function findCodeMentions(raw: string): VocabMention[] {
  const out: VocabMention[] = [];
  anywhere(raw, out);
  if (SHELL_FENCE.test(raw.split('\n')[0] ?? '')) {
    shellVariables(raw, out);
    for (const match of raw.matchAll(/^[ \t]*(molecule[\w-]*) ([a-z][\w-]*)/gm))
      push(out, 'cli', `${match[1]} ${match[2]}`, match.index + match[0].indexOf(match[1]!));
  }
  for (const match of raw.matchAll(
    /\b(?:environ(?:\.get)?\s*[[(]\s*|getenv\s*\(\s*|process\.env\.)["']?([A-Z][A-Z0-9_]+)/g,
  )) {
    push(out, 'variable', match[1]!, match.index + match[0].lastIndexOf(match[1]!));
  }
  // In code, `$WORKSPACE_ID` is a variable, not an event.
  const variableAt = new Set(out.filter((mention) => mention.kind === 'variable').map((mention) => mention.index));
  return out.filter((mention) => mention.kind !== 'event' || !variableAt.has(mention.index));
}

/** Identifiers in prose or a frontmatter string: the above, plus ALL_CAPS names and calls in backticks. */
export function findProseMentions(text: string): VocabMention[] {
  const out: VocabMention[] = [];
  anywhere(text, out);
  for (const span of text.matchAll(/`([^`\n]+)`/g)) {
    const inner = span[1]!;
    const start = span.index + 1;
    for (const match of inner.matchAll(/(?<![\w$-])\$?\{?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)) {
      push(out, 'variable', match[1]!, start + match.index + match[0].indexOf(match[1]!));
    }
    // A command in use has a subcommand (`molecule login`); a bare `molecule` or `molecule-core` is only a name.
    const command = /^(molecule[\w-]*) ([a-z][\w-]*)/.exec(inner);
    if (command) push(out, 'cli', `${command[1]} ${command[2]}`, start);
    const call = /^([a-z_][a-z0-9_]*)\(.*\)$/.exec(inner);
    if (call && call[1]!.includes('_')) push(out, 'method', call[1]!, start);
  }
  // Events were already found anywhere; a backticked event is not a variable too.
  return out.filter(
    (mention, index) =>
      mention.kind !== 'variable' ||
      !out.some((other, at) => at !== index && other.kind === 'event' && other.index === mention.index),
  );
}
