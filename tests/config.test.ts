// HTTP_WORKERS as the environment gives it: a number of processes or auto, only where an HTTP
// endpoint exists to share, and never with a database the processes cannot share.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const HTTP = { DISCORD_PUBLIC_KEY: 'a'.repeat(64), DATABASE_URL: '/tmp/paperbot-config-test.sqlite' };

describe('HTTP_WORKERS', () => {
  it('defaults to one process, takes a number, and auto means one per CPU', () => {
    expect(loadConfig(HTTP).httpWorkers).toBe(1);
    expect(loadConfig({ ...HTTP, HTTP_WORKERS: '3' }).httpWorkers).toBe(3);
    expect(loadConfig({ ...HTTP, HTTP_WORKERS: 'auto' }).httpWorkers).toBe(availableParallelism());
  });

  it('names the variable and the accepted values when the value is wrong', () => {
    expect(() => loadConfig({ ...HTTP, HTTP_WORKERS: 'many' })).toThrow(/HTTP_WORKERS must be a number of processes \(1 to 64\) or auto/);
    expect(() => loadConfig({ ...HTTP, HTTP_WORKERS: '0' })).toThrow(/HTTP_WORKERS/);
  });

  it('needs an HTTP endpoint: the gateway and Socket Mode run in one process', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 't', HTTP_WORKERS: '2' })).toThrow(/no HTTP endpoint is configured/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's', HTTP_WORKERS: '2' })).toThrow(/no HTTP endpoint/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', HTTP_WORKERS: '2' }).httpWorkers).toBe(2);
  });

  it('refuses an in-memory database, which the processes could not share', () => {
    expect(() => loadConfig({ ...HTTP, DATABASE_URL: ':memory:', HTTP_WORKERS: '2' })).toThrow(/not :memory:/);
    expect(() => loadConfig({ ...HTTP, DATABASE_URL: 'sqlite::memory:', HTTP_WORKERS: '2' })).toThrow(/not :memory:/);
  });
});
