/**
 * The baseline server: Express 5 with one route and no middleware, run as a child
 * process by the benchmark. Redline's requests per second are read against it.
 */
import express from 'express';

const app = express();
app.get('/', (_req, res) => {
  res.send('ok');
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`trivial server at http://127.0.0.1:${port}`);
});
// Keep-alive sockets would hold server.close() open; nothing here needs a graceful stop.
process.on('SIGTERM', () => process.exit(0));
