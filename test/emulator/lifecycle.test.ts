import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { LOCAL_CREDENTIALS, startEmulator } from '../../src/emulator';
import { passwordForm, postForm } from './helpers';

describe('emulator lifecycle', () => {
  it('listens on a free 127.0.0.1 port and closes a kept-alive connection', async () => {
    const emu = await startEmulator();
    assert.equal(emu.url, `http://127.0.0.1:${emu.port}`);
    assert.ok(emu.port > 0);
    assert.deepEqual(emu.credentials, LOCAL_CREDENTIALS);

    const socket = connect(emu.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const answered = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    socket.write('GET /services/data/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    assert.match(await answered, /^HTTP\/1\.1 200 /);

    await emu.close();
    await closed; // the server ended the idle keep-alive connection
    await emu.close(); // closing twice is harmless
  });

  it('closes a connection whose request is still arriving', async () => {
    const emu = await startEmulator();
    const socket = connect(emu.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /services/oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type=');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await emu.close();
    await closed;
  });

  it('uses credential overrides and runs several emulators side by side', async () => {
    const a = await startEmulator({ credentials: { clientSecret: 'another-local-secret' } });
    const b = await startEmulator();
    try {
      assert.notEqual(a.port, b.port);
      assert.equal(a.credentials.clientSecret, 'another-local-secret');
      assert.equal(a.credentials.clientId, LOCAL_CREDENTIALS.clientId);
      assert.equal((await postForm(a, '/services/oauth2/token', passwordForm(a))).status, 200);
      const withDefault = await postForm(a, '/services/oauth2/token', { ...passwordForm(a), client_secret: LOCAL_CREDENTIALS.clientSecret });
      assert.equal(withDefault.status, 400);
      // A token from one emulator means nothing to another.
      const token = (JSON.parse((await postForm(b, '/services/oauth2/token', passwordForm(b))).text) as { access_token: string }).access_token;
      const res = await fetch(`${a.url}/services/data/v58.0/query?q=SELECT+Id+FROM+Account`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(res.status, 401);
      await res.text();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
