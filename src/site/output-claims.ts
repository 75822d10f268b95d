/**
 * Which claims on the output folder cannot all be written: two for one file, or one file where
 * another needs a folder (`about.txt` and `about.txt/index.html`). Pure and generic over what
 * owns a claim, so the planner (render/output-plan.ts) decides who is told. Found before anything
 * is written: the staging folder would otherwise stop at the second write with EEXIST or ENOTDIR.
 */

/** One file the output will hold, or a whole folder one producer fills (the search index). */
export interface Claim<Owner> {
  /** Site-relative, `/`-separated, no `.` or `..` segments (`posts/x/index.html`, `pagefind`). */
  file: string;
  /** A folder whose files are not known before they are written: nothing else may go inside it. */
  folder?: boolean;
  owner: Owner;
  /** Claims with the same `same` are one file written once (an image two posts show beside `assets/`). */
  same?: string;
}

/** Two claims that cannot both be written: on one file, or `outer` a file where `inner` needs a folder. */
export type Conflict<Owner> = { kind: 'same-file'; file: string; first: Claim<Owner>; second: Claim<Owner> } | { kind: 'file-in-file'; outer: Claim<Owner>; inner: Claim<Owner> };

/**
 * Every conflict among `claims`, each pair once, in the order the claims came. The first claim of a
 * file is the one others are measured against; a later one with the same `same` is no conflict.
 */
export function findConflicts<Owner>(claims: Iterable<Claim<Owner>>): Conflict<Owner>[] {
  const conflicts: Conflict<Owner>[] = [];
  const byFile = new Map<string, Claim<Owner>>();
  const kept: Claim<Owner>[] = [];
  for (const claim of claims) {
    const first = byFile.get(claim.file);
    if (first === undefined) {
      byFile.set(claim.file, claim);
      kept.push(claim);
    } else if (first.same === undefined || first.same !== claim.same) {
      conflicts.push({ kind: 'same-file', file: claim.file, first, second: claim });
    }
  }
  // Each file against the files at its folders' names; a claimed folder holds no one else's file.
  for (const inner of kept) {
    // `a/b/c` needs the folders `a` and `a/b`.
    for (let at = inner.file.indexOf('/'); at !== -1; at = inner.file.indexOf('/', at + 1)) {
      const outer = byFile.get(inner.file.slice(0, at));
      if (outer !== undefined && !(outer.folder && outer.owner === inner.owner)) conflicts.push({ kind: 'file-in-file', outer, inner });
    }
  }
  return conflicts;
}
