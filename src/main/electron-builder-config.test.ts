/**
 * electron-builder.yml (the offline installers): valid for electron-builder's own schema, the
 * targets a classroom needs, packaged files that hold everything the app loads at run time, and
 * nothing that would reach the network (no publish/auto-update).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  icon: string;
  publish: unknown;
  directories: { output: string; buildResources: string };
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  nsis: { oneClick: boolean; perMachine: boolean };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; scripts: Record<string, string> };

/** electron-builder's glob subset used in the file: `**`, `*`, and its `${/*}` macro (the folder and all below). */
function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .replace('${/*}', '<SUB>')
    .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
    .split('**')
    .map((part) => part.replace(/\*/g, '[^/]*'))
    .join('.*')
    .replace('<SUB>', '(/.*)?');
  return new RegExp(`^${source}$`);
}

/**
 * Whether electron-builder would pack `path`: production node_modules are added to custom `files`
 * in any case (electron.build "Application Contents"), then patterns apply in order, `!` excluding.
 */
function packed(path: string): boolean {
  let included = path.startsWith('node_modules/');
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

/** Package names imported at run time by the code that runs in Electron's main process (and its worker). */
function mainSidePackages(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(entry) && !/\.test\.ts$/.test(entry)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"./][^'"]*)['"]/gm)) {
          const spec = m[1];
          if (spec.startsWith('node:') || spec === 'electron') continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        }
      }
    }
  };
  for (const dir of ['src/main', 'src/engine', 'src/shared', 'src/preload']) walk(join(ROOT, dir));
  return names;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder’s own schema', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: 1 }, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  }, 60_000); // loading app-builder-lib takes seconds on a busy machine

  it('builds AppImage and deb for Linux, an NSIS per-user installer for Windows and a dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect([config.nsis.oneClick, config.nsis.perMachine]).toEqual([false, false]);
    expect([config.productName, config.asar]).toEqual(['Service Lab', true]);
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('publishes nothing, so the app has no auto-update to check at start', () => {
    expect(config.publish).toBeNull();
    expect(existsSync(join(ROOT, 'dev-app-update.yml'))).toBe(false);
  });

  it.each([
    { what: 'package.json `main`', path: relative('.', pkg.main) },
    { what: 'the preload window.ts loads', path: 'out/preload/index.cjs' },
    { what: 'the renderer page', path: 'out/renderer/index.html' },
    { what: 'a renderer asset', path: 'out/renderer/assets/index-abc123.js' },
    { what: 'the engine worker chunk', path: 'out/main/chunks/engine-worker-abc123.js' },
    { what: 'package.json', path: 'package.json' },
  ])('packs $what ($path)', ({ path }) => {
    expect(packed(path)).toBe(true);
  });

  it.each([
    { what: 'the browser build', path: 'out/web/index.html' },
    { what: 'the CLI build', path: 'out/cli/svclab.js' },
    { what: 'sources', path: 'src/main/index.ts' },
    { what: 'source maps', path: 'out/renderer/assets/index-abc123.js.map' },
  ])('leaves out $what', ({ path }) => {
    expect(packed(path)).toBe(false);
  });

  it('the paths window.ts and package.json name are the ones packed', () => {
    expect(readFileSync(join(ROOT, 'src/main/window.ts'), 'utf8')).toContain("'../preload/index.cjs'");
    expect(readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8')).toContain("entryFileNames: '[name].cjs'");
    expect(pkg.main).toBe('./out/main/index.js');
  });

  it('excludes no package the main process imports at run time, and only packages that exist', () => {
    const needed = mainSidePackages();
    expect(needed.size).toBeGreaterThan(0);
    for (const name of needed) {
      expect(pkg.dependencies, `${name} is imported by main-side code: it must be a dependency`).toHaveProperty([name]);
      expect(packed(`node_modules/${name}/package.json`), `${name} is excluded by electron-builder.yml but main needs it`).toBe(true);
    }
    const excluded = config.files.filter((p) => p.startsWith('!node_modules/')).map((p) => p.slice('!node_modules/'.length).replace('${/*}', ''));
    // No stale pattern: each names packages that are installed (direct or pulled in by one).
    const installed = readdirSync(join(ROOT, 'node_modules'));
    for (const name of excluded) expect(installed.some((d) => globToRegExp(name).test(d)), `${name} matches nothing in node_modules`).toBe(true);
  });

  it('every file it names exists: the icon (512×512 PNG) and the build resources folder', () => {
    const icon = readFileSync(join(ROOT, config.icon));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(statSync(join(ROOT, config.directories.buildResources)).isDirectory()).toBe(true);
  });

  it.each(['linux', 'win', 'mac'])('has an npm script dist:%s that builds first', (os) => {
    expect(pkg.scripts[`dist:${os}`]).toMatch(new RegExp(`^npm run build && electron-builder --${os} --publish never$`));
  });
});
