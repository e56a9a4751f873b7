// Build: `npm run build` → dist/, or `npm run build -- --outDir DIR`, or CHAINGAP_WEB_OUT=DIR npm run build.
// Everything is bundled (no CDN); the licences of the bundled packages are copied to licenses/.
import { defineConfig } from 'vite';
import fs from 'node:fs';
import path from 'node:path';

const BUNDLED = ['echarts', 'zrender', 'tslib']; // runtime packages that end up in the bundle

function thirdPartyLicences() {
  let outDir;
  return {
    name: 'third-party-licences',
    apply: 'build',
    configResolved(c) { outDir = c.build.outDir; },
    closeBundle() {
      let text = 'Third-party software bundled in this web app\n\n';
      for (const name of BUNDLED) {
        const dir = path.resolve('node_modules', name);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
        text += `==== ${name} ${pkg.version} (${pkg.license}) ${pkg.homepage || ''}\n\n`;
        for (const f of ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'NOTICE']) {
          const p = path.join(dir, f);
          if (fs.existsSync(p)) text += fs.readFileSync(p, 'utf8').trim() + '\n\n';
        }
      }
      fs.mkdirSync(path.join(outDir, 'licenses'), { recursive: true });
      fs.writeFileSync(path.join(outDir, 'licenses', 'THIRD-PARTY.txt'), text);
    },
  };
}

const out = process.env.CHAINGAP_WEB_OUT;
export default defineConfig({
  base: './',
  build: {
    outDir: out || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': process.env.CHAINGAP_API || 'http://127.0.0.1:8080' } },
  plugins: [thirdPartyLicences()],
});
