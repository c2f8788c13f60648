/** Counts IndexedDB get requests on one store (fake-indexeddb's IDBObjectStore) until stopped. */
export function countGets(store: string) {
  const proto = IDBObjectStore.prototype;
  const original = proto.get;
  const counter = {
    count: 0,
    stop: () => {
      proto.get = original;
    },
  };
  proto.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (this.name === store) counter.count++;
    return original.call(this, key);
  };
  return counter;
}
