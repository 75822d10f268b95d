/** Commands and flags only: parse, load the config, call the pipeline, print, exit. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build.ts';
import { ConfigError, loadConfig } from './config.ts';
import { formatReport } from './report.ts';

const USAGE = `Usage: blog <build|check> [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future]
                   [--format text|json] [--strict] [--no-cache]`;

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
      fix: { type: 'boolean', default: false },
      external: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return { help: true as const };
  if (command !== 'build' && command !== 'check') throw new UsageError(`Unknown command ${JSON.stringify(command ?? '')}`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be "text" or "json", got ${JSON.stringify(values.format)}`);
  if (command === 'build' && (values.fix || values.external)) throw new UsageError('--fix and --external belong to `check`');
  return { help: false as const, command, values: { ...values, format: values.format as 'text' | 'json' } };
}

async function main(argv: string[]): Promise<number> {
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
  const started = performance.now();
  let config;
  try {
    config = await loadConfig(root, values['base-url'] === undefined ? {} : { url: values['base-url'] });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const result = await build(
    {
      root,
      out: path.resolve(root, values.out ?? 'dist'),
      drafts: values.drafts,
      future: values.future,
      strict: values.strict,
      format: values.format,
      dryRun: command === 'check',
      now: new Date(),
    },
    config,
  );
  const report = formatReport(result.files, values.format);
  if (values.format === 'json') process.stdout.write(report);
  else process.stderr.write(report);
  if (values.format === 'text') {
    const ms = Math.round(performance.now() - started);
    const posts = result.site?.posts.length ?? 0;
    const outcome =
      result.exitCode !== 0
        ? `${command} failed: nothing written`
        : command === 'check'
          ? `checked ${posts} posts`
          : `built ${posts} posts (${result.written} files) into ${path.relative(process.cwd(), path.resolve(root, values.out ?? 'dist')) || '.'}`;
    process.stderr.write(`${outcome} in ${ms} ms\n`);
  }
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
