// The generated MDX posts both build benches render: ours through our components, the baseline's with the facts written out.
const TAGS = Array.from({ length: 20 }, (_, index) => `topic-${index}`);
const PARAGRAPH =
  'A remote agent registers with the platform, pulls its secrets with its own token and heartbeats so the canvas shows it online next to container workspaces. ';

/** The tags of post `index` (two of twenty, so tag pages have many posts each). */
export function generatedPostTags(index: number): string[] {
  return [TAGS[index % TAGS.length]!, TAGS[(index * 7) % TAGS.length]!];
}

/**
 * The body of generated post `index` of `pages`: headings, prose, a list, a shell block, links to
 * the next post and home, and an image. `ours` reads two figures through `<Fact>`/`<Route>`;
 * `plain` writes the same words out, for a site without our components.
 */
export function generatedPostBody(index: number, pages: number, flavour: 'ours' | 'plain'): string {
  const next = String((index + 1) % pages).padStart(4, '0');
  const imports =
    flavour === 'ours'
      ? "import Fact from '../../src/components/Fact.astro';\nimport Route from '../../src/components/Route.astro';\n\n"
      : '';
  const figures =
    flavour === 'ours'
      ? 'every <Fact k="liveness.heartbeatSeconds" /> seconds and registers with <Route id="register" />'
      : 'every 30 seconds and registers with `POST /registry/register`';
  return `${imports}## What this post covers

${PARAGRAPH.repeat(3)}

The agent heartbeats ${figures}.

- Register the agent with its URL and card
- Pull secrets at boot
- Heartbeat and poll state

\`\`\`sh
curl -X POST "$PLATFORM_URL/registry/register" -H "Content-Type: application/json" -d '{"id":"ws-${index}"}'
\`\`\`

## Next

${PARAGRAPH.repeat(2)}Read [the next post](/blog/post-${next}/) or the [home page](/).

![Logo](/logo.svg)
`;
}
