/** The shape every subcommand module in src/cli/ exports as `command`. */
export interface Command {
  /** The word after `newsgraph`: build, query, validate, stats, view, export, publish. */
  name: string;
  /** One line for `newsgraph --help`. */
  summary: string;
  /** Full text for `newsgraph <name> --help`. */
  help: string;
  /** Runs with the arguments after the name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}
