import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadClusterSet } from '../eval/evaluate-clusters.js';
import { BIN } from '../support/run-cli.js';

describe('a reader that stops early', () => {
  it('ends the output quietly: exit 0, no stack trace (`straitwatch cluster < reports.jsonl | head -1`)', async () => {
    const input = loadClusterSet('dev')
      .map(({ cluster: _label, ...report }) => JSON.stringify(report))
      .join('\n');
    const child = spawn(process.execPath, [BIN, 'cluster'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: '/', env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
