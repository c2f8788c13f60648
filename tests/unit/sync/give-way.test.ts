import { afterEach, describe, expect, it } from 'vitest';
import { CouchClient } from '@/lib/sync/couch';
import { afterRep, GIVE_WAY_MS, giveWayToRep, onGiveWay, resetGiveWay } from '@/lib/sync/give-way';

afterEach(() => resetGiveWay());

describe('the rep first: what can wait, waits while the popup opens', () => {
  it('tells its listeners each time the rep starts waiting, until they leave', () => {
    let told = 0;
    const stop = onGiveWay(() => told++);
    giveWayToRep();
    giveWayToRep();
    stop();
    giveWayToRep();
    expect(told).toBe(2);
  });

  it('goes on at once when nobody waits, after the rep when someone does, and never later than its bound', async () => {
    let start = performance.now();
    await afterRep();
    expect(performance.now() - start).toBeLessThan(20);
    giveWayToRep(performance.now(), 120);
    start = performance.now();
    await afterRep();
    expect(performance.now() - start).toBeGreaterThanOrEqual(115);
    giveWayToRep(performance.now(), GIVE_WAY_MS);
    start = performance.now();
    await afterRep(60);
    const waited = performance.now() - start;
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(waited).toBeLessThan(GIVE_WAY_MS - 50);
  });

  it("reads a server's answer only once the rep's wait is over (a prefetched page is parsed after the popup opened)", async () => {
    const order: string[] = [];
    const answer = (body: string, what: string) =>
      ({
        ok: true,
        status: 200,
        headers: new Headers(),
        text: async () => {
          order.push(what);
          return body;
        },
      }) as Response;
    const client = new CouchClient({ url: 'http://127.0.0.1:1', db: 'team', user: 'ana', password: 'pw' }, (input) =>
      Promise.resolve(
        String(input).includes('_session')
          ? answer('{"name":"ana","roles":[]}', 'session read')
          : answer('{"results":[]}', 'page read'),
      ),
    );
    const page = client.request('GET', client.dbPath('_changes'), {
      beforeRead: async () => {
        order.push('waiting for the rep');
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push('rep done');
      },
    });
    expect(await page).toEqual({ results: [] });
    expect(order).toEqual(['session read', 'waiting for the rep', 'rep done', 'page read']);
  });
});
