// Finds liveness and token figures in text that contradict the facts file.
import type { Facts } from '../../../core/schemas/facts.ts';

/** A figure in text that contradicts the facts file. */
export interface FigureProblem {
  /** Index in the scanned text. */
  index: number;
  /** The figure as written. */
  text: string;
  message: string;
  /** The facts key that holds the right value, for `<Fact k=…/>`. */
  factKey: string;
}

const LIVENESS_CONTEXT = /heart-?beat|liveness|offline|\bTTL\b|\bstale\b|sweep|心跳|离线|存活/i;
const TIME_FIGURE = /(?<![\w.])(\d+(?:\.\d+)?)\s?-?\s?(ms|s|secs?|seconds?|mins?|minutes?|秒|分钟)(?!\w)/gi;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const NEGATION = /\b(?:no|not|never|without|instead of|rather than|isn't|aren't|don't|doesn't|unlike)\b[^.]*$/i;

function toSeconds(value: number, unit: string): number {
  const lower = unit.toLowerCase();
  if (lower === 'ms') return value / 1000;
  return lower.startsWith('m') || lower === '分钟' ? value * 60 : value;
}

/** The sentence (clause between . ! ? 。！？ or line breaks) around an index. */
export function sentenceBounds(text: string, index: number): [number, number] {
  const before = text.slice(0, index);
  const start = Math.max(before.search(/[^.!?。！？\n]*$/), 0);
  const rest = /[.!?](?=\s|$)|[。！？\n]/.exec(text.slice(index));
  return [start, rest ? index + rest.index : text.length];
}

/** The kinds of liveness figure prose states, and the facts key each one is checked against. */
export type LivenessKind = 'heartbeat' | 'sweep' | 'offline' | 'ttl' | 'peerCache';
export const LIVENESS_KEYS: Record<LivenessKind, string> = {
  heartbeat: 'liveness.heartbeatSeconds',
  sweep: 'liveness.sweepSeconds',
  offline: 'liveness.offlineAfterSeconds',
  ttl: 'liveness.ttlSeconds',
  peerCache: 'liveness.peerUrlCacheSeconds',
};

/** A duration in a liveness sentence, classified by the words around it. */
export interface LivenessFigure {
  index: number;
  text: string;
  seconds: number;
  kind: LivenessKind;
}

/** Which liveness figure a duration is about, from the words around it. */
function classifyDuration(sentence: string, at: number, figureEnd: number): LivenessKind | undefined {
  const before = sentence.slice(Math.max(0, at - 40), at).toLowerCase();
  const after = sentence.slice(figureEnd, figureEnd + 30).toLowerCase();
  const near = `${before} ${after}`;
  const isInterval =
    /(?:\b(?:every|each|once every|interval of|cadence of)|每)\s*$/.test(before) ||
    /^\s*(?:interval|cadence|period)/.test(after);
  if (isInterval) {
    if (/sweep/.test(near)) return 'sweep';
    if (/heart-?beat|beat|poll|ping|心跳/.test(sentence.toLowerCase())) return 'heartbeat';
    return undefined;
  }
  if (/\bttl\b|expir/.test(near)) return 'ttl';
  if (/cache/.test(near) && /peer|url/.test(sentence.toLowerCase())) return 'peerCache';
  if (/offline|stale|time-?out|times? out|timed out|dark|dead|unreachable|miss|silen|stop|离线|中断/.test(near))
    return 'offline';
  return undefined;
}

/** Every duration in `text` that a liveness sentence states, with what it is about. */
export function findLivenessFigures(text: string): LivenessFigure[] {
  const figures: LivenessFigure[] = [];
  for (const match of text.matchAll(TIME_FIGURE)) {
    const [start, end] = sentenceBounds(text, match.index);
    const sentence = text.slice(start, end);
    if (!LIVENESS_CONTEXT.test(sentence)) continue;
    const at = match.index - start;
    const kind = classifyDuration(sentence, at, at + match[0].length);
    if (kind)
      figures.push({ index: match.index, text: match[0], seconds: toSeconds(Number(match[1]), match[2]!), kind });
  }
  return figures;
}

/** Liveness figures (heartbeat interval, offline timeout, TTL, sweep, peer cache) that differ from the facts. */
export function findLivenessProblems(text: string, facts: Facts): FigureProblem[] {
  const { liveness } = facts;
  const problems: FigureProblem[] = [];
  for (const { index, text: written, seconds, kind } of findLivenessFigures(text)) {
    const expected: Record<typeof kind, { values: number[]; key: string; what: string }> = {
      heartbeat: {
        values: [liveness.heartbeatSeconds],
        key: 'liveness.heartbeatSeconds',
        what: `heartbeats every ${liveness.heartbeatSeconds} s`,
      },
      sweep: {
        values: [liveness.sweepSeconds],
        key: 'liveness.sweepSeconds',
        what: `the stale sweep runs every ${liveness.sweepSeconds} s`,
      },
      offline: {
        values: [liveness.offlineAfterSeconds, liveness.ttlSeconds],
        key: 'liveness.offlineAfterSeconds',
        what: `offline after ${liveness.offlineAfterSeconds} s of silence (${liveness.ttlSeconds} s TTL without Docker)`,
      },
      ttl: {
        values: [liveness.ttlSeconds],
        key: 'liveness.ttlSeconds',
        what: `the liveness TTL is ${liveness.ttlSeconds} s`,
      },
      peerCache: {
        values: [liveness.peerUrlCacheSeconds],
        key: 'liveness.peerUrlCacheSeconds',
        what: `peer URLs are cached ${liveness.peerUrlCacheSeconds} s`,
      },
    };
    const rule = expected[kind];
    if (rule.values.includes(seconds)) continue;
    problems.push({
      index,
      text: written,
      message: `says ${written.trim()} but the facts say ${rule.what}`,
      factKey: rule.key,
    });
  }
  for (const match of text.matchAll(
    /\b(?:miss(?:es|ed|ing)?\s+(\w+)\s+(?:consecutive\s+)?(?:heart-?)?beats|(\w+)\s+missed\s+(?:heart-?)?beats)\b/gi,
  )) {
    const word = (match[1] ?? match[2])!.toLowerCase();
    const count = NUMBER_WORDS[word] ?? Number(word);
    if (!Number.isFinite(count)) continue;
    const seconds = count * liveness.heartbeatSeconds;
    if ([liveness.offlineAfterSeconds, liveness.ttlSeconds].includes(seconds)) continue;
    problems.push({
      index: match.index,
      text: match[0],
      message: `"${match[0]}" means ${seconds} s at one beat every ${liveness.heartbeatSeconds} s, but the facts say offline after ${liveness.offlineAfterSeconds} s`,
      factKey: 'liveness.offlineAfterSeconds',
    });
  }
  return problems;
}

/** Token format claims (prefix, length, encoding, bits) that differ from the facts. */
export function findTokenProblems(text: string, facts: Facts): FigureProblem[] {
  const { token } = facts;
  const problems: FigureProblem[] = [];
  const inTokenSentence = (index: number): boolean => {
    const [start, end] = sentenceBounds(text, index);
    const sentence = text.slice(start, end);
    return /token/i.test(sentence) && !NEGATION.test(text.slice(start, index));
  };
  for (const match of text.matchAll(/\b(?:mol|rtok|tok|wst)_\w*(?:\*|…|\.{3})?/g)) {
    if (token.prefix && match[0].startsWith(token.prefix)) continue;
    if (!inTokenSentence(match.index)) continue;
    const expected = token.prefix ? `start with "${token.prefix}"` : 'have no prefix';
    problems.push({
      index: match.index,
      text: match[0],
      message: `shows a token as "${match[0]}" but tokens ${expected} (${token.length} ${token.encoding} characters)`,
      factKey: 'token.prefix',
    });
  }
  for (const match of text.matchAll(
    /(?<![\w.])(\d+)[\s-](?:(hex(?:adecimal)?)[\s-]?)?(char(?:acter)?s?|digits?|bytes?|bits?)\b(?!\s*(?:prefix|of the prefix))/gi,
  )) {
    if (!inTokenSentence(match.index)) continue;
    const value = Number(match[1]);
    const unit = match[3]!.toLowerCase();
    const hex = Boolean(match[2]);
    let wrong: string | undefined;
    let key = 'token.length';
    if (unit.startsWith('bit')) {
      key = 'token.bits';
      if (value !== token.bits) wrong = `tokens carry ${token.bits} bits`;
    } else if (unit.startsWith('byte')) {
      key = 'token.bits';
      if (value * 8 !== token.bits) wrong = `tokens carry ${token.bits / 8} bytes (${token.bits} bits)`;
    } else if (hex && token.encoding !== 'hex')
      wrong = `tokens are ${token.length} ${token.encoding} characters, not hex`;
    else if (value !== token.length) wrong = `tokens are ${token.length} ${token.encoding} characters`;
    if (wrong)
      problems.push({ index: match.index, text: match[0], message: `says ${match[0]} but ${wrong}`, factKey: key });
  }
  return problems;
}
