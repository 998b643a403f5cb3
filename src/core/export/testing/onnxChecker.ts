/**
 * Tests: the `onnx` package's checker (Debian python3-onnx, `full_check=True`) on exported bytes.
 * Returns what it printed and its exit status, or null when python3-onnx is not installed (CI
 * installs it, so there the check always runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
let available: boolean | null = null;

export function onnxChecker(bytes: Uint8Array): { stderr: string; status: number | null } | null {
  available ??= spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' }).status === 0;
  if (!available) return null;
  const file = join(mkdtempSync(join(tmpdir(), 'glassbox-onnx-')), 'model.onnx');
  writeFileSync(file, bytes);
  const check = spawnSync(PYTHON, ['-c', 'import onnx,sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)', file], { encoding: 'utf8' });
  return { stderr: check.stderr, status: check.status };
}
