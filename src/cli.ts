/** The `newsgraph` command line; each subcommand lives in src/cli/. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`newsgraph: not implemented yet (${argv.join(' ')})\n`);
  return 0;
}
