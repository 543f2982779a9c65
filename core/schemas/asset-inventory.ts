// Schema of the asset inventory: every asset the launch uses, with kind, owner and where it is used.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** One asset the launch uses. Status for generated files comes from marketing/manifest.json at build time. */
export const InventoryItemSchema = z
  .object({
    /** Repo path, e.g. marketing/assets/phase30-fleet-diagram.svg. */
    path: z.string().regex(/^(marketing|public)\/[\w./-]+$/),
    kind: z.enum(['image', 'audio', 'captions', 'video', 'cast', 'data', 'document']),
    /** How it is made, e.g. "npm run assets". */
    producedBy: z.string().min(1),
    /** Content ids or pages that use it. */
    usedBy: z.array(z.string()).default([]),
    owner: z.string().min(1),
    notes: z.string().optional(),
  })
  .strict();

/** The asset inventory. */
export const AssetInventorySchema = defineKindSchema({ items: z.array(InventoryItemSchema).min(1) }, ['internal']);
export type AssetInventory = z.output<typeof AssetInventorySchema>;
