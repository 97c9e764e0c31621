/** Shared helpers of the subcommands: argument parsing with usage errors, output, graph reading. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with strict checking; its errors become UsageErrors naming the command. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${message}; see \`newsgraph ${command} --help\``);
  }
}

/** Writes text to stdout, adding a final newline when missing. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Writes a line to stderr. */
export function printError(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/** Checks that `value` is one of `allowed`; UsageError otherwise. */
export function oneOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${command}: --${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
