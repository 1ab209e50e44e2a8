// Finds a Chromium for the browser tests: Playwright's own download if present,
// otherwise the system's (Debian's `chromium` package), installing it with apt when we can.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The executable to launch, or undefined to let Playwright use its bundled browser. */
export function chromiumPath(): string | null | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync(chromium.executablePath())) return undefined;
  return SYSTEM.find((file) => fs.existsSync(file)) ?? null;
}

function canRun(command: string): boolean {
  try {
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// `tsx scripts/chromium.ts`: make sure a browser is there before the tests start.
if (process.argv[1]?.endsWith('chromium.ts')) {
  if (chromiumPath() === null && canRun('command -v apt-get')) {
    const sudo = process.getuid?.() === 0 ? '' : canRun('sudo -n true') ? 'sudo ' : null;
    if (sudo !== null) {
      console.log('No Chromium found; installing Debian\'s chromium package with apt-get…');
      execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
    }
  }
  const found = chromiumPath();
  if (found === null) {
    console.error(
      'The browser tests need Chromium, and none was found or could be installed.\n' +
        'Install it with one of:\n' +
        '  sudo apt-get install -y chromium          # Debian, Ubuntu\n' +
        '  npx playwright install --with-deps chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
  console.log(`Browser tests will use ${found ?? "Playwright's bundled Chromium"}.`);
}
