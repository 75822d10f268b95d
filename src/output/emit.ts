/**
 * Put every output file of the site into a staging folder: plans rendered (or kept from the
 * last build when their key says nothing changed), static files and post assets copied.
 * Without a staging folder (`check`, or a build that already failed) plans are only rendered,
 * so template errors are still found — except those the last build rendered under the same key.
 */
import type { BuildPoint } from '../types.ts';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { Plan } from '../render/plan.ts';
import { filesUnder } from '../shared/files.ts';
import type { FileStamp, Staging } from './write.ts';

/** What the last build wrote: each file's stamp, and for rendered files the key they were rendered for. */
export type Manifest = Record<string, FileStamp & { key?: string }>;

export interface EmitInput {
  plans: readonly Plan[];
  engine: Liquid;
  /** Copied in order; later folders win, post assets win over them and pages over everything. */
  staticDirs: readonly string[];
  /** Post assets: output path → absolute source (see session/steps.ts). */
  assets: ReadonlyMap<string, string>;
  /** Each plan's key: what its file depends on (see session/page-keys.ts). */
  keyOf: (plan: Plan) => string;
  /** The last build's manifest; empty when there is none or the cache is off. */
  previous: Manifest;
}

/** How the files were produced, and each rendered file's key for the next manifest. */
export interface Emitted {
  rendered: number;
  kept: number;
  copied: number;
  keys: Map<string, string>;
}

export async function emitSite(input: EmitInput, staging: Staging | undefined, checkpoint?: (point: BuildPoint) => void): Promise<Emitted> {
  const planned = new Set(input.plans.map((plan) => plan.file));
  const copies = new Map<string, string>();
  for (const dir of input.staticDirs) for (const file of filesUnder(dir)) copies.set(file, path.join(dir, file));
  for (const [target, source] of input.assets) copies.set(target, source);
  for (const file of planned) copies.delete(file);

  const emitted: Emitted = { rendered: 0, kept: 0, copied: 0, keys: new Map() };
  if (staging) {
    for (const [target, source] of copies) await staging.copy(target, source);
    emitted.copied = copies.size;
  }
  const half = Math.floor(input.plans.length / 2);
  for (const [index, plan] of input.plans.entries()) {
    if (index === half) checkpoint?.('pages');
    const key = input.keyOf(plan);
    emitted.keys.set(plan.file, key);
    const last = input.previous[plan.file];
    // Same key, same bytes: the last build rendered this file without error. `check` needs no more;
    // a build keeps the file, if it is still there as written.
    if (last?.key === key && (!staging || (await staging.keep(plan.file, last)))) {
      emitted.kept++;
      continue;
    }
    const contents = await plan.render(input.engine);
    emitted.rendered++;
    await staging?.put(plan.file, contents);
  }
  return emitted;
}
