import { expect } from '@open-wc/testing';
import type { WritableAtom } from 'nanostores';
import { atom as nanostoresAtom } from 'nanostores';
import { atom } from './atom.js';

type Make = <T>(value: T) => WritableAtom<T>;

// The same behaviour from both: the npm build's nanostores and the script-tag build's atom (core/atom.ts).
for (const [implementation, make] of [
  ['nanostores', nanostoresAtom as Make],
  ['core/atom', atom],
] as const) {
  describe(`atom (${implementation})`, () => {
    it('reads, writes, and notifies listeners in order with the new and the old value', () => {
      const $store = make(1);
      const calls: string[] = [];
      $store.listen((value, old) => calls.push(`a ${value} ${old}`));
      $store.listen((value, old) => calls.push(`b ${value} ${old}`));
      $store.set(2);
      expect($store.get()).to.equal(2);
      expect($store.value).to.equal(2);
      expect(calls).to.deep.equal(['a 2 1', 'b 2 1']);
    });

    it('does not notify when the value is the same', () => {
      const $store = make('a');
      let calls = 0;
      $store.listen(() => calls++);
      $store.set('a');
      expect(calls).to.equal(0);
    });

    it('subscribe calls at once with the current value; the returned function stops listening', () => {
      const $store = make('first');
      const seen: string[] = [];
      const unbind = $store.subscribe(value => seen.push(value));
      $store.set('second');
      unbind();
      $store.set('third');
      expect(seen).to.deep.equal(['first', 'second']);
    });

    it('a set from a listener is notified after the calls in progress, with the latest value', () => {
      const $count = make(0);
      const calls: string[] = [];
      $count.listen(value => {
        calls.push(`a ${value}`);
        if (value === 1) $count.set(2);
      });
      $count.listen(value => calls.push(`b ${value}`));
      $count.set(1);
      expect(calls).to.deep.equal(['a 1', 'b 2', 'a 2', 'b 2']);
      expect($count.get()).to.equal(2);
    });

    it('a throwing listener does not stop the others, and the error reaches the caller', () => {
      const $store = make(0);
      const seen: number[] = [];
      $store.listen(() => {
        throw new Error('listener failed');
      });
      $store.listen(value => seen.push(value));
      expect(() => $store.set(1)).to.throw('listener failed');
      expect(seen).to.deep.equal([1]);
    });
  });
}
