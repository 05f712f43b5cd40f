// The repository's plain static server (tests/e2e/static-server.mjs) over a
// build, on a loopback port: the suite's own when it is given no address,
// and the offline test's, which it stops to take the network away.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../e2e/static-server.mjs', import.meta.url));

/** Serve `dir` on `port`; resolves once it listens. */
export async function serve(dir, port) {
  const child = spawn(process.execPath, [SCRIPT, dir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    child.stdout.once('data', resolve);
  });
  return {
    base: `http://127.0.0.1:${port}/`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
