// The tts staleness plan for the build: each script's MP3 and VTT with the inputs hash a run would give them now.
import { readManifest, type GeneratorPlan } from '../../core/manifest.ts';
import { planScripts, TTS_COMMAND } from './plan.ts';
import { computeInputsHash, describeProvider, probeProviderVersions, type ProviderId } from './provider.ts';

/**
 * For the build's staleness check: each script's MP3 and VTT with the inputs hash `npm run tts`
 * would give them now. No synthesis and no ffmpeg. The hash is computed for the provider that
 * made the file on record (espeak-ng drafts are compared as espeak-ng, so a current draft is a
 * draft, not stale); files not made yet are compared as Edge.
 */
export const planVoiceovers: GeneratorPlan = async (root) => {
  const { plans } = planScripts(root);
  const manifest = await readManifest(root);
  const versions = probeProviderVersions({ tolerateMissing: true });
  return plans.flatMap((plan) => {
    const provider: ProviderId = manifest.entries[plan.output]?.provider === 'espeak' ? 'espeak' : 'edge';
    const inputsHash = computeInputsHash(plan, describeProvider(provider, plan, versions));
    const command = `${TTS_COMMAND} -- --only ${plan.id}`;
    return [
      { path: plan.output, inputsHash, command },
      { path: plan.captions, inputsHash, command },
    ];
  });
};
