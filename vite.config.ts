// `npm start`: the demo dashboard with the Pharos simulator on the same origin, so it
// shows live data with no backend. `?base-url=…&token=…` points it at a real one.
import { defineConfig } from 'vite';
import { pharosSimulator } from './sim/vite-plugin.js';

export default defineConfig({
  root: 'demo',
  server: { port: 5173, strictPort: true, host: 'localhost', fs: { allow: ['..'] } },
  preview: { port: 5173, strictPort: true },
  plugins: [pharosSimulator()],
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
