#!/usr/bin/env node
// Checks the iOS handbook (docs/ios/*.md) against a running server (no dependencies, Node 20+).
//
//   node e2e/handbook-check.mjs --api URL --auth URL --fcm URL [--write]
//
// 1. Static: no doc (README.md, docs/**) links outside the repository, and every error code the
//    served /openapi.json declares (ErrorBody.code, ErrorDetails.dependency) appears in the handbook.
// 2. Replay: every ```http request block of the handbook, in reading order (README.md, then the
//    numbered chapters), is sent to the server and the ```http response block after it must match
//    what the server answers: status, the headers the block shows, and the JSON body exactly (every
//    key, no more, no fewer), except for what differs from run to run:
//      - users: the handbook's `alice-uid` … `erin-uid` are fresh emulator users of this run, and
//        `<alice's ID token>` their tokens (`<dave's second ID token>`: another token of the same
//        sign-in, never sent before; `<dave's ID token from a sign-in 10 minutes ago>`: auth_time
//        moved back, and `<alice's expired ID token>`: exp in the past, which the emulator's
//        unsigned tokens allow);
//      - UUIDs, cursors and request ids: a UUID a request names is replaced by a fresh one; a value a
//        response shows first is bound to what the server answered, and must be the same value
//        wherever it appears again (requests using it get the real one);
//      - timestamps: one a request wrote must come back as that instant; any other is the server's
//        clock and only has to be a timestamp (its first value is bound for later requests);
//        `<in 8 seconds>` in a request is that instant;
//      - `retry_after_seconds` and `Retry-After` only have to be numbers.
//    `<!-- handbook-check: sleep N -->` before a request waits N seconds first.
// 3. Pushes: every ```json fcm block must equal (bindings applied) the body of one message the server
//    sent to the fake FCM for a push token the handbook registered; every ```text push-log line's
//    fcm= part must be one of those blocks with the token shortened to "…" and its last 6 characters.
// --write fills the response blocks with what the server answered instead (users and tokens named,
// everything else as it came), for writing a chapter; review the diff.
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? true : all[i + 1]] : null)).filter(Boolean),
);
const api = args.api;
const auth = args.auth;
const fcm = args.fcm;
const writing = args.write === true;
if (!api || !auth) {
  console.error('usage: handbook-check.mjs --api URL --auth URL [--fcm URL] [--write]');
  process.exit(2);
}
const failures = [];
let checked = 0;
const fail = (where, what) => failures.push(`${where}: ${what}`);

// ------------------------------------------------------------------ 1. static checks

function markdownFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}
const docs = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
for (const file of docs) {
  const text = readFileSync(file, 'utf8');
  const where = relative(root, file);
  for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<(https?:\/\/[^>]+)>/g)) {
    const target = m[1] ?? m[2];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      fail(where, `links outside the repository: ${target}`);
      continue;
    }
    if (target.startsWith('#')) continue;
    const path = resolve(dirname(file), decodeURIComponent(target.split('#')[0]));
    if (path !== root && !path.startsWith(root + sep)) fail(where, `links outside the repository: ${target}`);
    else if (!existsSync(path)) fail(where, `links to a file that does not exist: ${target}`);
  }
  for (const m of text.matchAll(/(?:\.\.\/)+[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*/g)) {
    const path = resolve(dirname(file), m[0]);
    if (path !== root && !path.startsWith(root + sep)) fail(where, `points outside the repository: ${m[0]}`);
  }
  if (/shared\/spec|shared\/peers/.test(text)) fail(where, 'names a path outside the repository (shared/…)');
}

const handbookDir = join(root, 'docs', 'ios');
const chapters = readdirSync(handbookDir)
  .filter((n) => n.endsWith('.md'))
  .sort((a, b) => (a === 'README.md' ? -1 : b === 'README.md' ? 1 : a.localeCompare(b)))
  .map((n) => join(handbookDir, n));
const handbook = chapters.map((f) => readFileSync(f, 'utf8')).join('\n');

const openapi = await (await fetch(`${api}/openapi.json`)).json();
const schemas = openapi.components.schemas;
// Response enums are open (anyOf: [known values, any string], docs/api-evolution.md): the known
// values are the enum inside, wherever it sits.
const known = (schema) => schema?.enum ?? (schema?.anyOf ?? []).flatMap((branch) => known(branch));
const declared = [...known(schemas.ErrorBody.properties.code), ...known(schemas.ErrorDetails.properties.dependency)];
if (known(schemas.ErrorBody.properties.code).length < 10) fail('openapi', 'ErrorBody.code lists fewer than 10 known codes');
for (const code of declared) {
  if (!handbook.includes('`' + code + '`')) fail('docs/ios', `the error code \`${code}\` the OpenAPI document declares is not in the handbook`);
}
console.log(`handbook-check: ${docs.length} docs checked for links; ${declared.length} declared error codes looked up`);

// ------------------------------------------------------------------ users

const names = ['alice', 'bob', 'carol', 'dave', 'erin'];
const users = {};
const run = randomUUID().slice(0, 8);
async function emulator(path, body) {
  const r = await fetch(`${auth}/identitytoolkit.googleapis.com/v1/${path}?key=handbook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`emulator ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}
const claims = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
for (const name of names) {
  const email = `${name}-${run}@handbook.kairos`;
  const display = name[0].toUpperCase() + name.slice(1);
  const up = await emulator('accounts:signUp', { email, password: 'handbook-1', displayName: display, returnSecureToken: true });
  await new Promise((r) => setTimeout(r, 1100)); // a second token with another iat
  const again = await emulator('accounts:signInWithPassword', { email, password: 'handbook-1', returnSecureToken: true });
  users[name] = { uid: up.localId, token: up.idToken, second: again.idToken };
}
function expired(token) {
  const [h, , s] = token.split('.');
  const c = claims(token);
  const now = Math.floor(Date.now() / 1000);
  // Past Firebase's 5 minutes of clock skew; iat stays (an earlier one would predate the user,
  // which the emulator's revocation check reports as revoked).
  c.exp = now - 600;
  return `${h}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.${s}`;
}
function withOldSignIn(token, seconds) {
  const [h, , s] = token.split('.');
  const c = claims(token);
  c.auth_time = Math.floor(Date.now() / 1000) - seconds;
  return `${h}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.${s}`;
}

// ------------------------------------------------------------------ bindings

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const isTime = (s) => typeof s === 'string' && new RegExp(`^${TIME.source}$`).test(s) && !Number.isNaN(Date.parse(s));
const bound = new Map(); // handbook value -> this run's value
const boundBack = new Map();
const requestInstants = new Set(); // instants requests wrote: they must come back as written
function bind(doc, actual) {
  if (bound.has(doc)) return bound.get(doc) === actual;
  if (boundBack.has(actual) && boundBack.get(actual) !== doc) return false;
  bound.set(doc, actual);
  boundBack.set(actual, doc);
  return true;
}
const uidOf = Object.fromEntries(names.map((n) => [`${n}-uid`, () => users[n].uid]));
function substitute(text) {
  let out = text.replace(/<in (\d+) seconds>/g, (_, n) => new Date(Date.now() + Number(n) * 1000).toISOString());
  out = out.replace(/<(\w+)'s second ID token>/g, (_, n) => users[n].second);
  out = out.replace(/<(\w+)'s ID token from a sign-in (\d+) minutes ago>/g, (_, n, m) => withOldSignIn(users[n].token, Number(m) * 60));
  out = out.replace(/<(\w+)'s expired ID token>/g, (_, n) => expired(users[n].token));
  out = out.replace(/<(\w+)'s ID token>/g, (_, n) => users[n].token);
  out = out.replace(/\b(alice|bob|carol|dave|erin)-uid\b/g, (u) => uidOf[u]());
  for (const m of text.matchAll(TIME)) {
    if (!bound.has(m[0])) requestInstants.add(Date.parse(m[0]));
  }
  out = out.replace(UUID, (u) => {
    if (!bound.has(u)) bind(u, writing ? u : randomUUID());
    return bound.get(u);
  });
  out = out.replace(TIME, (t) => bound.get(t) ?? t);
  // Opaque values (cursors) a response showed.
  for (const [doc, actual] of bound) if (doc.length > 40 && out.includes(doc)) out = out.split(doc).join(actual);
  return out;
}
function named(text) {
  // For --write: this run's users and tokens by their handbook names.
  let out = text;
  for (const n of names) out = out.split(users[n].uid).join(`${n}-uid`);
  return out;
}

// ------------------------------------------------------------------ comparison

const OPAQUE_KEYS = new Set(['next_cursor', 'request_id']);
const ANY_NUMBER_KEYS = new Set(['retry_after_seconds']);
function compare(expected, actual, path, key, problems) {
  const here = path || '(body)';
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'string') {
      const want = expected.replace(/\b(alice|bob|carol|dave|erin)-uid\b/g, (u) => uidOf[u]());
      if (typeof actual !== 'string') return problems.push(`${here}: expected a string, got ${JSON.stringify(actual)}`);
      if (isTime(want)) {
        if (!isTime(actual)) return problems.push(`${here}: expected a timestamp, got ${actual}`);
        if (requestInstants.has(Date.parse(want)) && Date.parse(want) !== Date.parse(actual) && !bound.has(want))
          return problems.push(`${here}: expected ${want} (as the request wrote it), got ${actual}`);
        if (!bound.has(want)) bind(want, actual);
        return;
      }
      if (new RegExp(`^${UUID.source}$`, 'i').test(want) || (OPAQUE_KEYS.has(key) && want !== actual)) {
        if (!bind(want, actual)) problems.push(`${here}: expected the value shown before as ${want} (${bound.get(want)}), got ${actual}`);
        return;
      }
      if (want !== actual) problems.push(`${here}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual)}`);
      return;
    }
    if (typeof expected === 'number' && ANY_NUMBER_KEYS.has(key) && typeof actual === 'number') return;
    if (expected !== actual) problems.push(`${here}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return problems.push(`${here}: expected an array, got ${JSON.stringify(actual)}`);
    if (expected.length !== actual.length) return problems.push(`${here}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => compare(e, actual[i], `${path}[${i}]`, key, problems));
    return;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return problems.push(`${here}: expected an object, got ${JSON.stringify(actual)}`);
  const ek = Object.keys(expected).sort();
  const ak = Object.keys(actual).sort();
  const missing = ak.filter((k) => !(k in expected));
  const extra = ek.filter((k) => !(k in actual));
  if (missing.length) problems.push(`${here}: the server also sends ${missing.join(', ')}`);
  if (extra.length) problems.push(`${here}: the server does not send ${extra.join(', ')}`);
  for (const k of ek) if (k in actual) compare(expected[k], actual[k], path ? `${path}.${k}` : k, k, problems);
}

// ------------------------------------------------------------------ 2. replay

function blocks(text) {
  const out = [];
  const re = /(?:<!--\s*handbook-check:\s*sleep\s+(\d+)\s*-->\s*\n)?```([^\n]*)\n([\s\S]*?)\n```/g;
  for (const m of text.matchAll(re)) out.push({ sleep: Number(m[1] ?? 0), info: m[2].trim(), body: m[3], start: m.index, end: m.index + m[0].length, fenceStart: m.index + m[0].indexOf('```') });
  return out;
}
function parseHttp(text) {
  const [head, ...rest] = text.split(/\n\n/);
  const lines = head.split('\n');
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return { first: lines[0], headers, body: rest.join('\n\n') };
}
const registeredTokens = new Set();
const pushBlocks = [];
const logBlocks = [];

for (const file of chapters) {
  const where = relative(root, file);
  let text = readFileSync(file, 'utf8');
  const bs = blocks(text);
  const edits = [];
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i];
    if (b.info === 'json fcm') pushBlocks.push({ where: `${where}:${text.slice(0, b.start).split('\n').length}`, json: b.body });
    if (b.info === 'text push-log') logBlocks.push({ where: `${where}:${text.slice(0, b.start).split('\n').length}`, text: b.body });
    if (b.info !== 'http' || !/^[A-Z]+ \//.test(b.body)) continue;
    const line = text.slice(0, b.start).split('\n').length;
    const res = bs[i + 1];
    if (!res || res.info !== 'http' || !res.body.startsWith('HTTP/')) {
      fail(`${where}:${line}`, 'a request block without a response block after it');
      continue;
    }
    if (b.sleep) await new Promise((r) => setTimeout(r, b.sleep * 1000));
    const req = parseHttp(substitute(b.body));
    const [method, target] = req.first.split(' ');
    const put = target.match(/^\/me\/devices\//) && method === 'PUT';
    const response = await fetch(api + target, {
      method,
      headers: req.headers,
      body: req.body === '' ? undefined : req.body,
      redirect: 'manual',
    });
    const bodyText = await response.text();
    if (put) registeredTokens.add(JSON.parse(req.body).push_token);
    const want = parseHttp(res.body);
    checked++;
    if (writing) {
      const shown = Object.keys(want.headers)
        .map((h) => `${h}: ${response.headers.get(h) ?? '(absent)'}`)
        .join('\n');
      // Values the handbook already shows (ids, times) stay as written: bind them to this run's,
      // then write this run's answer back in the handbook's values.
      let body = bodyText;
      try {
        const actual = JSON.parse(bodyText);
        try {
          compare(JSON.parse(want.body), actual, '', '', []);
        } catch {}
        const back = (v) =>
          Array.isArray(v) ? v.map(back)
          : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, back(x)]))
          : typeof v === 'string' && boundBack.has(v) ? boundBack.get(v) : v;
        body = JSON.stringify(back(actual), null, 2);
      } catch {}
      const block = `\`\`\`http\nHTTP/1.1 ${response.status} ${response.statusText}${shown ? '\n' + shown : ''}${body ? '\n\n' + named(body) : ''}\n\`\`\``;
      edits.push([res.fenceStart, res.end, block]);
      continue;
    }
    const problems = [];
    const status = Number(want.first.split(' ')[1]);
    if (status !== response.status) problems.push(`status: expected ${status}, got ${response.status} ${bodyText.slice(0, 300)}`);
    for (const [h, v] of Object.entries(want.headers)) {
      const got = response.headers.get(h);
      if (got === null) problems.push(`header ${h}: absent`);
      else if (/^retry-after$/i.test(h)) {
        if (!/^\d+$/.test(got)) problems.push(`header ${h}: ${got} is not a number of seconds`);
      } else {
        const wantV = v.replace(/\b(alice|bob|carol|dave|erin)-uid\b/g, (u) => uidOf[u]());
        const uuids = [...wantV.matchAll(UUID)].map((m) => m[0]);
        if (uuids.length === 1 && /^[^0-9a-f]*$/i.test(wantV.replace(UUID, ''))) {
          if (!bind(uuids[0], [...got.matchAll(UUID)][0]?.[0])) problems.push(`header ${h}: expected ${wantV}, got ${got}`);
        } else {
          // Dates in a header (the export's file name) are today's.
          const norm = (x) => x.replace(/; ?charset=utf-8/i, '').replace(/\d{4}-\d{2}-\d{2}/g, 'YYYY-MM-DD');
          if (norm(wantV) !== norm(got)) problems.push(`header ${h}: expected ${wantV}, got ${got}`);
        }
      }
    }
    if (want.body.trim() === '') {
      if (bodyText !== '') problems.push(`body: expected none, got ${bodyText.slice(0, 200)}`);
    } else {
      let e, a;
      try {
        e = JSON.parse(want.body);
      } catch (err) {
        problems.push(`the handbook's body is not JSON: ${err.message}`);
      }
      try {
        a = JSON.parse(bodyText);
      } catch {
        problems.push(`the server's body is not JSON: ${bodyText.slice(0, 200)}`);
      }
      if (e !== undefined && a !== undefined) compare(e, a, '', '', problems);
    }
    for (const p of problems) fail(`${where}:${line} ${method} ${target.split('?')[0]}`, p);
  }
  if (writing && edits.length) {
    for (const [s, e, block] of edits.reverse()) text = text.slice(0, s) + block + text.slice(e);
    writeFileSync(file, text);
  }
}
console.log(`handbook-check: ${checked} requests replayed`);

// ------------------------------------------------------------------ 3. pushes

if (fcm && !writing) {
  await new Promise((r) => setTimeout(r, 3000));
  const sent = (await (await fetch(`${fcm}/__requests`)).json())
    .map((r) => r.body)
    .filter((b) => registeredTokens.has(b?.message?.token));
  for (const p of pushBlocks) {
    let expected;
    try {
      expected = JSON.parse(p.json);
    } catch (err) {
      fail(p.where, `the push block is not JSON: ${err.message}`);
      continue;
    }
    const candidates = sent.filter((s) => s.message?.data?.kind === expected.message?.data?.kind && s.message?.token === expected.message?.token);
    const matched = candidates.find((s) => {
      const problems = [];
      const saved = new Map(bound);
      compare(expected, s, '', '', problems);
      if (problems.length) {
        bound.clear();
        for (const [k, v] of saved) bound.set(k, v);
      }
      return problems.length === 0;
    });
    if (!matched) {
      const problems = [];
      if (candidates[0]) compare(expected, candidates[0], '', '', problems);
      fail(p.where, `no push the server sent matches (${candidates.length} of kind ${expected.message?.data?.kind} to that token)${problems.length ? ': ' + problems.join('; ') : ''}`);
    }
    checked++;
  }
  for (const l of logBlocks) {
    for (const row of l.text.split('\n').filter((r) => r.includes(' fcm='))) {
      const preview = JSON.parse(row.slice(row.indexOf(' fcm=') + 5));
      const token = preview.message.token;
      const ok = pushBlocks.some((p) => {
        const full = JSON.parse(p.json);
        const t = full.message.token;
        full.message.token = '…' + t.slice(-6);
        return token === full.message.token && JSON.stringify(sortKeys(full)) === JSON.stringify(sortKeys(preview));
      });
      if (!ok) fail(l.where, `the push-log line is not one of the handbook's FCM messages with the token shortened: ${row.slice(0, 120)}`);
      const kind = row.match(/kind=(\S+)/)?.[1];
      if (kind !== preview.message.data.kind) fail(l.where, `the push-log line's kind=${kind} is not its message's data.kind`);
      checked++;
    }
  }
  console.log(`handbook-check: ${pushBlocks.length} pushes and ${logBlocks.length} log previews compared with what reached the fake FCM`);
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

if (failures.length) {
  for (const f of failures) console.error(`handbook-check: FAILED: ${f}`);
  console.error(`handbook-check: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`handbook-check: ok, ${checked} examples match the server`);
