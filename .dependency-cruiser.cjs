// The dependency rule: core imports nothing of the repo, the site never imports a command folder,
// command folders stay self-contained (except the build reading the generators' staleness plans),
// and no module takes part in an import cycle. Run by `npm run check` (`npm run deps`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'an import cycle: split the shared part into a leaf module',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing',
      severity: 'error',
      comment: 'core/ is the neutral layer: it may import npm packages and core/ only',
      from: { path: '^core/' },
      to: { path: '^(src|scripts|test|bench)/' },
    },
    {
      name: 'lib-imports-core-only',
      severity: 'error',
      comment: 'scripts/lib is shared by every command and the site: it may import core/ and itself only',
      from: { path: '^scripts/lib/' },
      to: { path: '^(src|test|bench)/|^scripts/(?!lib/)' },
    },
    {
      name: 'site-not-into-commands',
      severity: 'error',
      comment: 'src/ (the Astro site) imports core/ and scripts/lib/ only, never a command folder',
      from: { path: '^(src/|astro\\.config\\.mjs$)' },
      to: { path: '^scripts/(?!lib/)' },
    },
    {
      name: 'commands-not-into-site',
      severity: 'error',
      comment: 'a command imports core/, scripts/lib/ and itself: what it shares with the site belongs in core/',
      from: { path: '^scripts/' },
      to: { path: '^src/' },
    },
    {
      name: 'command-into-other-command',
      severity: 'error',
      comment:
        "command folders are self-contained; share through core/ or scripts/lib/ (the build may read each generator's plan.ts)",
      from: { path: '^scripts/([^/]+)/', pathNot: ['^scripts/lib/', '^scripts/build-checks/'] },
      to: {
        path: '^scripts/([^/]+)/',
        // The embedded stand-in platform is a service both the demo and doctest start; the video renders the
        // demo's recording and narrates it, reading both through the demo's format modules and plan and tts's plan and captions.
        pathNot: [
          '^scripts/lib/',
          '^scripts/$1/',
          '^scripts/demo/sandbox/(server|tokens)\\.ts$',
          '^scripts/demo/(plan|terminal|record/asciicast)\\.ts$',
          '^scripts/tts/(plan|captions)\\.ts$',
        ],
      },
    },
    {
      name: 'build-reads-only-plans',
      severity: 'error',
      comment:
        'the build reads other commands only through their plans (plan.ts, stale-plan.ts): what they would write, with which inputs hash',
      from: { path: '^scripts/build-checks/' },
      to: {
        path: '^scripts/([^/]+)/',
        pathNot: ['^scripts/lib/', '^scripts/build-checks/', '^scripts/[^/]+/(plan|stale-plan)\\.ts$'],
      },
    },
    {
      name: 'plans-stay-light',
      severity: 'error',
      comment: 'a staleness plan computes hashes only: it must not load a synthesis client or a browser',
      from: { path: '^scripts/[^/]+/(plan|stale-plan)\\.ts$' },
      to: {
        path: [
          '^scripts/tts/(synthesize|edge-endpoint)\\.ts$',
          '^scripts/assets/diagram-session\\.ts$',
          'node_modules/(msedge-tts|puppeteer-core|playwright-core)/',
        ],
        reachable: true,
      },
    },
  ],
  allowedSeverity: 'warn',
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.cache|\\.astro|marketing|test/fixtures/.*/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    extraExtensionsToScan: ['.astro'],
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
