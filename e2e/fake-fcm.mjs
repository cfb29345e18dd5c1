#!/usr/bin/env node
// A stand-in for the FCM HTTP v1 API, for the end-to-end run (no dependencies, Node 20+).
//
//   node e2e/fake-fcm.mjs [port]        (or FAKE_FCM_PORT=…; 0 or nothing picks a free port)
//
// POST /v1/projects/{project}/messages:send  records the message and answers like FCM:
//      200 {"name": "projects/{project}/messages/{n}"}, or 404 UNREGISTERED when the
//      token starts with "unregistered-" (the server must then drop that device).
// GET    /__requests  the recorded sends, oldest first: [{received_at, path, headers, body}]
// DELETE /__requests  forgets them.
// It prints "fake-fcm listening on <port>" once ready, so a script can wait for that line.
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? process.env.FAKE_FCM_PORT ?? 0);
const SEND = /^\/v1\/projects\/([^/]+)\/messages:send$/;
let recorded = [];
let nextId = 0;

function reply(res, status, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

// The error body FCM sends for a token whose app was uninstalled or that expired.
const unregistered = {
  error: {
    code: 404,
    message: 'Requested entity was not found.',
    status: 'NOT_FOUND',
    details: [
      { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
    ],
  },
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const path = new URL(req.url, 'http://fake').pathname;
    if (path === '/__requests') {
      if (req.method === 'GET') return reply(res, 200, recorded);
      if (req.method === 'DELETE') { recorded = []; return reply(res, 204); }
      return reply(res, 405, { error: 'GET or DELETE' });
    }
    const send = SEND.exec(path);
    if (req.method !== 'POST' || !send) {
      return reply(res, 404, { error: { code: 404, message: 'no such endpoint', status: 'NOT_FOUND' } });
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(res, 400, { error: { code: 400, message: 'body is not JSON', status: 'INVALID_ARGUMENT' } });
    }
    // Receive time in ms since the epoch, to measure commit→send latency against the API's answers.
    recorded.push({ received_at: Date.now(), path, headers: req.headers, body });
    const token = body?.message?.token ?? '';
    if (token.startsWith('unregistered-')) return reply(res, 404, unregistered);
    reply(res, 200, { name: `projects/${send[1]}/messages/${++nextId}` });
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`fake-fcm listening on ${server.address().port}`);
});
// Stop cleanly when the e2e script's cleanup sends TERM.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
