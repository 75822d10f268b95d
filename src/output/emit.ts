/**
 * Put every output file of the site into a staging folder: plans rendered (or kept from the
 * last build when their key says nothing changed), static files and post assets copied.
 * Without a staging folder (`check`, or a build that already failed) plans are only rendered,
 * so template errors are still found — except those the last build rendered under the same key.
 */
import type { BuildPoint } from '../types.ts';
import { readFileSync } from 'node:fs';
import type { Liquid } from 'liquidjs';
import type { Plan } from '../render/plan.ts';
import { staticCopies } from '../shared/static-files.ts';
import { withoutReplacedRobots } from '../render/host-files.ts';
import { routePath } from '../site/routes.ts';
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

/**
 * A site's own `static/_redirects` (Netlify and Cloudflare Pages users keep rules there) goes first
 * in the generated one instead of being replaced by it; its text is part of the file's key.
 */
function withOwnRedirects(plans: readonly Plan[], copies: ReadonlyMap<string, string>): readonly Plan[] {
  const file = routePath('redirects');
  const source = copies.get(file);
  if (source === undefined || !plans.some((plan) => plan.file === file)) return plans;
  const own = readFileSync(source, 'utf8').replace(/\n*$/, '\n');
  return plans.map((plan) => (plan.file === file ? { ...plan, key: `${own}\n${plan.key}`, render: async (engine: Liquid) => own + (await plan.render(engine)) } : plan));
}

export async function emitSite(input: EmitInput, staging: Staging | undefined, checkpoint?: (point: BuildPoint) => void): Promise<Emitted> {
  const copies = staticCopies(input.staticDirs);
  for (const [target, source] of input.assets) copies.set(target, source);
  const plans = withoutReplacedRobots(withOwnRedirects(input.plans, copies), (file) => copies.has(file));
  for (const plan of plans) copies.delete(plan.file);

  const emitted: Emitted = { rendered: 0, kept: 0, copied: 0, keys: new Map() };
  if (staging) {
    for (const [target, source] of copies) await staging.copy(target, source);
    emitted.copied = copies.size;
  }
  const half = Math.floor(plans.length / 2);
  for (const [index, plan] of plans.entries()) {
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
