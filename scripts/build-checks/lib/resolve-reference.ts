// Resolves one reference to a file or a route, or explains why it is broken.
import { assetFileFor } from '../../../core/asset-path.ts';
import { suggestKey } from '../../../core/schema-issue.ts';
import { pathForEntry } from '../../../core/site-urls.ts';
import { explainUnpublishable, type PublishableFields } from '../../../core/publishable.ts';
import { SERVED_MARKETING_DIRS } from '../../../core/asset-path.ts';
import type { Sources } from '../steps/collect.ts';
import { collectReferences, type Reference } from './references.ts';
import type { CheckContext } from '../check.ts';
import { normalizeSitePath, routeExists } from './site-routes.ts';

/** The result of resolving one reference. */
export type Resolution =
  | { status: 'ok'; repoFile?: string }
  | { status: 'external'; url: string }
  | { status: 'skip' }
  | { status: 'broken'; rule: 'asset' | 'link'; message: string; hint?: string; repoFile?: string };

/** Hosts that are old or wrong spellings of the canonical site (C2 in the launch notes); links to them are errors. */
export const NON_CANONICAL_HOSTS: readonly RegExp[] = [
  /^(?:[\w-]+\.)*molecule\.ai$/i,
  /^(?:www|docs?)\.moleculesai\.app$/i,
];

const SKIPPED_SCHEMES = /^(?:mailto|tel|data|javascript|sms):/i;
const DEFAULT_TTS_COMMAND = 'npm run tts';

/** The command that makes a planned generator output, if some generator plans it. */
function plannedCommand(sources: Sources, file: string): string | undefined {
  return sources.plans.outputs.find((output) => output.path === file)?.command;
}

function nearest(path: string, sources: Sources, audience: 'public' | 'any'): string | undefined {
  const candidates = [...sources.routes.public.paths, ...(audience === 'any' ? sources.routes.internal.paths : [])];
  return suggestKey(path, candidates);
}

function resolveVoiceover(ref: Reference, sources: Sources): Resolution {
  const id = ref.target.includes('/') ? ref.target : `voiceovers/${ref.target}`;
  const entry = sources.entries.get(id);
  if (!entry || entry.collection !== 'voiceovers') {
    const names = [...sources.entries.keys()].filter((key) => key.startsWith('voiceovers/'));
    const guess = suggestKey(id, names);
    return {
      status: 'broken',
      rule: 'link',
      message: `no voice-over "${ref.target}" in content/voiceovers/`,
      hint: guess ? `did you mean "${guess}"?` : 'voice-over ids look like voiceovers/<file name>',
    };
  }
  if (!entry.data) return { status: 'ok' };
  if (ref.audience === 'public') {
    const reason = explainUnpublishable(entry.data as unknown as PublishableFields, sources.now);
    if (reason)
      return {
        status: 'broken',
        rule: 'link',
        message: `voice-over ${id} is held back from the public site (${reason}), so a public page cannot play it`,
        hint: `set audience: public and status: approved in ${entry.file}, or drop the player`,
      };
  }
  const output = String(entry.data.output);
  for (const file of [output, output.replace(/\.mp3$/, '.vtt')]) {
    if (!sources.files.marketing.has(file)) {
      return {
        status: 'broken',
        rule: 'asset',
        message: `voice-over ${id}: ${file} has not been generated`,
        hint: `run ${plannedCommand(sources, file) ?? DEFAULT_TTS_COMMAND}`,
        repoFile: file,
      };
    }
  }
  return { status: 'ok', repoFile: output };
}

function resolveAsset(path: string, ref: Reference, sources: Sources): Resolution {
  if (
    routeExists(sources.routes.public, path) ||
    (ref.audience === 'any' && routeExists(sources.routes.internal, path))
  )
    return { status: 'ok' };
  const file = assetFileFor(path);
  const exists = sources.files.marketing.has(file) || sources.files.public.has(file);
  if (file.startsWith('marketing/') && ref.audience === 'public') {
    const folder = file.split('/')[1]!;
    if (!(SERVED_MARKETING_DIRS.public as readonly string[]).includes(folder)) {
      return {
        status: 'broken',
        rule: 'link',
        message: `${path} is served only in the internal build (marketing/${folder}/ is not public)`,
        hint: `public pages may use ${SERVED_MARKETING_DIRS.public.map((dir) => `/marketing/${dir}/`).join(' and ')}`,
      };
    }
  }
  if (exists) return { status: 'ok', repoFile: file };
  const siblings = [...(file.startsWith('marketing/') ? sources.files.marketing : sources.files.public)];
  const guess = suggestKey(file, siblings);
  const command = plannedCommand(sources, file);
  return {
    status: 'broken',
    rule: 'asset',
    message: `missing file ${file} (referenced as ${path})`,
    hint: command
      ? `generate it: ${command}`
      : guess
        ? `did you mean ${guess}?`
        : file.startsWith('marketing/')
          ? 'generated files come from npm run assets, tts or demo'
          : 'hand-made files go under public/',
    repoFile: file,
  };
}

function resolvePage(path: string, ref: Reference, sources: Sources): Resolution {
  const { routes } = sources;
  if (routeExists(routes.public, path)) return { status: 'ok' };
  const normal = normalizeSitePath(path);
  const held = routes.heldBack.get(normal);
  if (ref.audience === 'public') {
    if (held)
      return {
        status: 'broken',
        rule: 'link',
        message: `${path} is ${held.id}, which is held back from the public site (${held.reason})`,
        hint: 'publish that piece first or link elsewhere',
      };
    if (routeExists(routes.internal, path))
      return {
        status: 'broken',
        rule: 'link',
        message: `${path} exists only in the internal launch room; public readers cannot open it`,
      };
  } else if (routeExists(routes.internal, path)) return { status: 'ok' };
  const guess = nearest(normal, sources, ref.audience);
  return {
    status: 'broken',
    rule: 'link',
    message: `no page at ${path}`,
    hint: guess ? `did you mean ${guess}?` : undefined,
  };
}

/** Resolves a reference against the asset rule (marketing/ or public/) and the site's routes. */
export function resolveReference(ref: Reference, sources: Sources): Resolution {
  const target = ref.target.trim();
  if (ref.expect === 'voiceover') return resolveVoiceover(ref, sources);
  if (ref.expect === 'repo-file') {
    if (sources.files.marketing.has(target) || sources.files.public.has(target))
      return { status: 'ok', repoFile: target };
    const command = plannedCommand(sources, target);
    return {
      status: 'broken',
      rule: 'asset',
      message: `missing file ${target}`,
      hint: command ? `generate it: ${command}` : 'produce it, or drop it from the inventory',
      repoFile: target,
    };
  }
  if (target === '' || target.startsWith('#') || SKIPPED_SCHEMES.test(target)) return { status: 'skip' };
  let path = target;
  if (/^(https?:)?\/\//i.test(target)) {
    let url: URL;
    try {
      url = new URL(target.startsWith('//') ? `https:${target}` : target);
    } catch {
      return { status: 'broken', rule: 'link', message: `malformed URL ${target}` };
    }
    const canonical = sources.facts ? new URL(sources.facts.site.canonicalHost).host : undefined;
    if (url.host !== canonical) {
      if (NON_CANONICAL_HOSTS.some((pattern) => pattern.test(url.hostname))) {
        return {
          status: 'broken',
          rule: 'link',
          message: `${url.hostname} is not the site's host`,
          hint: `use ${sources.facts?.site.canonicalHost ?? 'the canonical host'} (content/facts.yaml site.canonicalHost)`,
        };
      }
      return { status: 'external', url: target };
    }
    path = url.pathname;
  } else if (!target.startsWith('/')) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { status: 'skip' };
    const base = ref.entry ? pathForEntry(ref.entry.id) : '/';
    path = new URL(target, `https://site.invalid${base}`).pathname;
  }
  const clean = normalizeSitePath(path);
  return /\.[a-z0-9]+$/i.test(clean) && !clean.endsWith('.html')
    ? resolveAsset(clean, ref, sources)
    : resolvePage(clean, ref, sources);
}

/** Every reference with its resolution, computed once per run and shared by the asset and link checks. */
export function resolveAllReferences(ctx: CheckContext): Array<{ ref: Reference; resolution: Resolution }> {
  return ctx.memo('resolutions', () =>
    collectReferences(ctx).map((ref) => ({ ref, resolution: resolveReference(ref, ctx.sources) })),
  );
}
