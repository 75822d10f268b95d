/** Commands and flags only: parse them, call the build or the dev server, print. The process is bin.ts's. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config.ts';
import { leftoverNote } from './output/recover.ts';
import { removeOutput } from './output/retire.ts';
import { formatReport } from './report.ts';
import { runBuild, type RunEnv } from './run-build.ts';
import { siteFolders } from './shared/site-dirs.ts';

const USAGE = `Usage: blogsmith <build|check|dev> [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future]
                            [--format text|json] [--strict] [--no-cache] [--threads N] [--port N] [--host H]
       blogsmith check [--fix] [--external] ...   fix garbled text and invisible characters in place; fetch external links
       blogsmith init FOLDER [--from SPEC]        a new blog in FOLDER (SPEC: where its package.json gets blogsmith)
       blogsmith new "Post title" [--draft] [--root DIR]   content/posts/<slug>.md, dated now`;

/** The commands, and the one argument each of `init` and `new` takes. */
const COMMANDS = ['build', 'check', 'dev', 'init', 'new'] as const;
type Command = (typeof COMMANDS)[number];

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
      from: { type: 'string' },
      draft: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return { help: true as const };
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`Unknown command ${JSON.stringify(command ?? '')}`);
  const takesArgument = command === 'init' || command === 'new';
  if (takesArgument && rest.length === 0) throw new UsageError(command === 'init' ? '`init` needs the folder to create: blogsmith init my-blog' : '`new` needs a title: blogsmith new "Post title"');
  if (rest.length > (takesArgument ? 1 : 0)) throw new UsageError(`Unexpected argument ${JSON.stringify(rest.at(-1))}${command === 'new' ? ' (quote a title of several words)' : ''}`);
  if (command !== 'init' && values.from !== undefined) throw new UsageError('--from belongs to `init`');
  if (command !== 'new' && values.draft) throw new UsageError('--draft belongs to `new` (a build takes --drafts)');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be "text" or "json", got ${JSON.stringify(values.format)}`);
  if (command !== 'check' && (values.fix || values.external)) throw new UsageError('--fix and --external belong to `check`');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new UsageError(`--threads must be a whole number from 1, got ${JSON.stringify(values.threads)}`);
  return { help: false as const, command: command as Command, argument: rest[0], values: { ...values, port, threads, format: values.format as 'text' | 'json' } };
}

/** What the CLI takes from the process: its streams, folder, clock and environment. */
export interface CliIo extends Omit<RunEnv, 'log' | 'format'> {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * `dev` serves until the process is ended (Ctrl-C, a kill: see bin.ts, which sets no handler for
   * them). Absent in tests: the server stops once it has served its first build.
   */
  servesUntilKilled?: boolean;
  /** Removes a folder in a process of its own that outlives this one (see output/retire.ts). Absent in tests: removed in-process. */
  removeDetached?: (dir: string) => unknown;
}

/** Run one command line; resolves to the exit code. Importing this module runs nothing (see bin.ts). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { command, values } = args;
  if (command === 'dev') return dev(values, io);
  if (command === 'init' || command === 'new') {
    const { initCommand, newCommand } = await import('./scaffold/command.ts');
    return command === 'init' ? initCommand(args.argument!, values.from, io) : newCommand(args.argument!, { root: values.root, draft: values.draft }, io);
  }
  const log = (line: string) => io.stderr(`${line}\n`);
  const result = await runBuild(
    {
      command,
      root: values.root ?? '.',
      out: values.out,
      baseUrl: values['base-url'],
      drafts: values.drafts,
      future: values.future,
      strict: values.strict,
      cache: !values['no-cache'],
      threads: values.threads,
      fix: values.fix,
      external: values.external,
    },
    // The report is made by the run, before a build swaps its output in: printing it can't fail.
    { ...io, log, format: (files) => formatReport(files, values.format) },
  );
  const text = result.report ?? '';
  if (values.format === 'json') io.stdout(text);
  else io.stderr(text);
  // Why a run could not go on is said in any format; the summary is for people.
  if (result.problem) io.stderr(`${result.problem}\n`);
  else if (result.summary && values.format === 'text') io.stderr(`${result.summary}\n`);
  // After the report: the build is done and said so; the old output goes without keeping anyone waiting.
  if (result.previous) await retire(result.previous, io);
  return result.exitCode;
}

/** Remove the previous output as the process allows: detached from it (bin.ts), else here (tests); a failure is a note, never the build's. */
async function retire(previous: string, io: CliIo): Promise<void> {
  try {
    if (io.removeDetached) io.removeDetached(previous);
    else await removeOutput(previous);
  } catch (error) {
    // The build is done and said so: only the old folder is left (a read-only one), which each build names until it goes.
    io.stderr(`Note: the new output is in place, but could not remove ${leftoverNote(previous, 'the previous output moved aside', error, io.cwd)}\n`);
  }
}

/** Run the dev server until Ctrl-C; exit 2 when the port is taken or the config is bad. */
async function dev(values: Values, io: CliIo): Promise<number> {
  const folders = siteFolders(values.root, values.out, io.cwd);
  if ('problem' in folders) {
    io.stderr(`${folders.problem}\n`);
    return 2;
  }
  const { root, out } = folders;
  let server;
  try {
    const { startDev } = await import('./dev/index.ts');
    server = await startDev({ root, port: values.port, host: values.host, baseUrl: values['base-url'], out, cwd: io.cwd, log: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.stderr(`Port ${values.port} on ${values.host} is already in use: pass --port N, or --port 0 for a free one.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Until Ctrl-C or a kill ends the process, at once even while it renders (bin.ts). A caller of
  // its own (tests) can't send those: the server stops once it has served its first build, and
  // startDev is the API for more.
  if (io.servesUntilKilled) await new Promise<never>(() => undefined);
  io.stderr('Stopping.\n');
  await server.close();
  return 0;
}
