// Runs the `newsgraph` command in this process (src/cli.ts main), capturing what it writes.
import { vi } from 'vitest';
import { main } from '../src/cli.ts';

/** Exit code and output of one in-process run. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `newsgraph <argv>` in-process, capturing its output. */
export async function newsgraphInProcess(...argv: string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
