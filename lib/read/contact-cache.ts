import Dexie, { cmp, type ObservabilitySet, RangeSet } from 'dexie';
import { DB_NAME, getDb } from '../db/database';
import type { Contact } from '../model';

const CHANGED_CONTACTS = `idb://${DB_NAME}/contacts/`;

/**
 * The contacts behind the cards on screen, shared by every column: ids asked for while the columns render are
 * read together in one batch (one transaction for the whole board, not one per column), then kept: scrolling
 * back never shows an empty card. A change notice for a cached contact reads it again.
 */
export class ContactCache {
  private readonly rows = new Map<string, Contact | null>();
  private readonly wanted = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private watching = false;

  /** The contact, null when it does not exist, undefined while not read yet. */
  get(id: string): Contact | null | undefined {
    return this.rows.get(id);
  }

  /** Contacts read elsewhere (the board's prefetch), taken as read. */
  seed(ids: readonly string[], found: readonly (Contact | undefined)[]): void {
    ids.forEach((id, i) => {
      this.rows.set(id, found[i] ?? null);
    });
  }

  /** Asks for contacts not read yet; they are read together right after the current render. */
  request(ids: Iterable<string>): void {
    for (const id of ids) if (!this.rows.has(id)) this.wanted.add(id);
    if (!this.wanted.size || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => void this.flush());
  }

  subscribe(listener: () => void): () => void {
    this.watch();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.wanted];
    this.wanted.clear();
    try {
      const found = await getDb().contacts.bulkGet(ids);
      ids.forEach((id, i) => {
        this.rows.set(id, found[i] ?? null);
      });
    } catch (err) {
      console.error('Prospector: could not read contacts', err);
      return;
    }
    for (const l of this.listeners) l();
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    Dexie.on('storagemutated', (parts: ObservabilitySet) => {
      const tree = parts[CHANGED_CONTACTS];
      if (!tree) return;
      const stale: string[] = [];
      for (const node of RangeSet(tree)) {
        if (cmp(node.from, node.to) !== 0) {
          // A range (bulk write, wipe): forget everything; the columns ask again for what they show.
          stale.push(...this.rows.keys());
          break;
        }
        if (typeof node.from === 'string' && this.rows.has(node.from)) stale.push(node.from);
      }
      if (!stale.length) return;
      for (const id of stale) this.rows.delete(id);
      this.request(stale);
    });
  }
}

export const contactCache = new ContactCache();
