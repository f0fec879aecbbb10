// @ts-check
// The floor the relay is measured against: a bare Fastify route answering the same bytes from
// memory. Usage: node floor.mjs BODIES.json PORT (bodies: { "/path?query": base64 }).
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
/** @type {Map<string, Buffer>} */
const bodies = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([path, b64]) => [path, Buffer.from(String(b64), 'base64')]));
const app = Fastify({ logger: false });
app.get('*', (request, reply) => {
  const body = bodies.get(request.url);
  if (!body) return reply.code(404).send();
  return reply.type('application/json').send(body);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('floor ready');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
