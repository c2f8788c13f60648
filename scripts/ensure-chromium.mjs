// Makes sure a system Chromium is there for e2e tests and benchmarks: CHROMIUM_PATH, else /usr/bin/chromium,
// else installs Debian's package with apt-get (nothing here fetches a browser build of its own).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${path} does not exist.`);
  console.log('Chromium not found: installing the Debian package chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq && apt-get install -y -qq chromium fonts-liberation', { stdio: 'inherit', env });
}
console.log(`Chromium: ${execSync(`"${path}" --version`).toString().trim()}`);
