/** Commands and flags only: parse, load the config, call the pipeline, print, exit. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import type { BuildResult } from './build.ts';
import { cacheDirOf } from './cache/store.ts';
import { ConfigError, loadConfig } from './config.ts';
import { fileSystemMessage } from './output/fs-errors.ts';
import { lockBuild } from './output/lock.ts';
import { recoverOutput } from './output/recover.ts';
import { fingerprint, rememberBuild, replayedFiles, unchangedSince, type BuildInputs, type Fingerprint } from './output/unchanged.ts';
import { pagesPerIndex } from './search/pages-per-index.ts';
import { unsafeOutDir } from './site-dirs.ts';
import type { SiteConfig } from './types.ts';
import { formatReport } from './report.ts';

const USAGE = `Usage: blog <build|check|dev> [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future]
                       [--format text|json] [--strict] [--no-cache] [--threads N] [--port N] [--host H]
       blog check [--fix] [--external] ...   fix garbled text and invisible characters in place; fetch external links`;

/** The parsed flags. */
type Values = Extract<ReturnType<typeof parse>, { help: false }>['values'];

/** Thrown for bad usage: exit code 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      drafts: { type: 'boolean', default: false },
      future: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      threads: { type: 'string' },
      fix: { type: 'boolean', default: false },
      external: { type: 'boolean', default: false },
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return { help: true as const };
  if (command !== 'build' && command !== 'check' && command !== 'dev') throw new UsageError(`Unknown command ${JSON.stringify(command ?? '')}`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be "text" or "json", got ${JSON.stringify(values.format)}`);
  if (command !== 'check' && (values.fix || values.external)) throw new UsageError('--fix and --external belong to `check`');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new UsageError(`--threads must be a whole number from 1, got ${JSON.stringify(values.threads)}`);
  return { help: false as const, command: command as 'build' | 'check' | 'dev', values: { ...values, port, threads, format: values.format as 'text' | 'json' } };
}

async function main(argv: string[]): Promise<number> {
  // The only setting taken from the environment (tests split small sites with it); read here, passed on.
  const searchPagesPerIndex = pagesPerIndex(process.env.BLOGSMITH_SEARCH_PAGES_PER_INDEX);
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { command, values } = args;
  const root = path.resolve(values.root ?? '.');
  const out = path.resolve(root, values.out ?? 'dist');
  const usageProblem = !existsSync(root) || !statSync(root).isDirectory() ? `The site folder ${values.root ?? '.'} does not exist` : unsafeOutDir(root, out);
  if (usageProblem) {
    process.stderr.write(`${usageProblem}\n`);
    return 2;
  }
  if (command === 'dev') return dev(root, values);
  const started = performance.now();
  let config;
  try {
    config = await loadConfig(root, values['base-url'] === undefined ? {} : { url: values['base-url'] });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  // Only `build` writes the output; it takes the site's lock and tidies up after a killed build first.
  const lock = command === 'build' ? lockBuild(cacheDirOf(root)) : undefined;
  if (lock && !lock.ok) {
    process.stderr.write(`${lock.message}\n`);
    return 1;
  }
  // Ctrl-C or a kill: the lock goes with the build (its staging folder is tidied by the next one).
  const stop = (signal: NodeJS.Signals) => {
    if (lock?.ok) lock.release();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (command === 'build') for (const line of await recoverOutput(out)) process.stderr.write(`Note: ${line}\n`);
    if (command === 'build' && !values['no-cache']) {
      const inputs: BuildInputs = { root, out, config, flags: { drafts: values.drafts, future: values.future, strict: values.strict }, searchPagesPerIndex };
      const stamp = fingerprint(inputs);
      const last = unchangedSince(inputs, stamp, new Date());
      if (last) {
        report(replayedFiles(last), values.format);
        if (values.format === 'text') {
          const into = path.relative(process.cwd(), out) || '.';
          process.stderr.write(`built ${last.posts} posts (${last.written} files; nothing changed since the last build) into ${into} in ${Math.round(performance.now() - started)} ms\n`);
        }
        return 0;
      }
      return await runPipeline(command, root, out, values, config, searchPagesPerIndex, started, { inputs, stamp });
    }
    return await runPipeline(command, root, out, values, config, searchPagesPerIndex, started);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (lock?.ok) lock.release();
  }
}

/** Messages for people (stderr) or tools (stdout). */
function report(files: Parameters<typeof formatReport>[0], format: 'text' | 'json'): void {
  const text = formatReport(files, format);
  if (format === 'json') process.stdout.write(text);
  else process.stderr.write(text);
}

/**
 * Build or check, then report. The pipeline is loaded here, not at the top: a build with nothing
 * to do (see output/unchanged.ts) never needs it, and loading it is most of such a build's time.
 * With `remember`, a successful build is recorded for the next one to compare with.
 */
async function runPipeline(
  command: 'build' | 'check',
  root: string,
  out: string,
  values: Values,
  config: SiteConfig,
  searchPagesPerIndex: number,
  started: number,
  remember?: { inputs: BuildInputs; stamp: Fingerprint },
): Promise<number> {
  const { build } = await import('./build.ts');
  const result = await build(
    {
      root,
      out,
      drafts: values.drafts,
      future: values.future,
      strict: values.strict,
      dryRun: command === 'check',
      now: new Date(),
      cache: !values['no-cache'],
      threads: values.threads,
      searchPagesPerIndex,
    },
    config,
  );
  // `check` may go on: fetch external links, apply certain fixes. Both change what is left to report.
  const exitCode =
    command === 'check'
      ? await (await import('./check/finish.ts')).finishCheck(result, {
          root,
          fix: values.fix,
          external: values.external,
          cache: !values['no-cache'],
          strict: values.strict,
          log: (line) => process.stderr.write(`${line}\n`),
        })
      : result.exitCode;
  report(result.files, values.format);
  if (remember && exitCode === 0 && result.validUntil !== undefined) {
    rememberBuild(remember.inputs, remember.stamp, { files: result.files, posts: result.site?.posts.length ?? 0, written: result.written, validUntil: result.validUntil });
  }
  if (values.format === 'text') {
    const ms = Math.round(performance.now() - started);
    const posts = result.site?.posts.length ?? 0;
    const outcome =
      exitCode !== 0
        ? `${command} failed: nothing written`
        : command === 'check'
          ? `checked ${posts} posts`
          : `built ${posts} posts (${result.written} files${workDone(result.stats)}) into ${path.relative(process.cwd(), path.resolve(root, values.out ?? 'dist')) || '.'}`;
    process.stderr.write(`${outcome} in ${ms} ms\n`);
  }
  return exitCode;
}

/** What the build did and what it could skip: ", 3 rendered, 4,120 unchanged; markdown: 3 rendered, 3,997 cached". */
function workDone(stats: BuildResult['stats']): string {
  if (!stats?.output) return '';
  const { output, markdown, search } = stats;
  const count = (n: number) => n.toLocaleString('en');
  const searched = search ? `; search: ${count(search.pages)} pages ${search.reused ? 'reused' : `indexed in ${(search.ms / 1000).toFixed(1)} s`}` : '';
  return `: ${count(output.rendered)} rendered, ${count(output.kept)} unchanged, ${count(output.copied)} copied; markdown: ${count(markdown.rendered)} rendered, ${count(markdown.cached)} cached${searched}`;
}

/** Run the dev server until Ctrl-C; exit 2 when the port is taken or the config is bad. */
async function dev(root: string, values: { port: number; host: string; 'base-url'?: string; out?: string }): Promise<number> {
  let server;
  try {
    const { startDev } = await import('./dev/index.ts');
    server = await startDev({ root, port: values.port, host: values.host, baseUrl: values['base-url'], out: path.resolve(root, values.out ?? 'dist') });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${values.port} on ${values.host} is already in use: pass --port N, or --port 0 for a free one.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write('Stopping.\n');
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A full disk or a missing permission is a message about a path; anything else is a bug, with its stack.
    const message = fileSystemMessage(error);
    process.stderr.write(message ? `${message}. The previous output is unchanged.\n` : `Unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
