import type { Session } from 'smpp';
import { type BindMode, canReceive } from './bind-mode';

/** One open bind. */
export interface Bind {
  readonly session: Session;
  readonly account: string;
  readonly mode: BindMode;
}

/** The binds open now, by account, with a round-robin pick of a receiving one. */
export class BindRegistry {
  #binds: Bind[] = [];
  #turn = 0;

  add(bind: Bind): void {
    this.#binds.push(bind);
  }

  remove(session: Session): Bind | undefined {
    const bind = this.#binds.find((b) => b.session === session);
    this.#binds = this.#binds.filter((b) => b.session !== session);
    return bind;
  }

  of(session: Session): Bind | undefined {
    return this.#binds.find((b) => b.session === session);
  }

  count(account: string): number {
    return this.#binds.filter((b) => b.account === account).length;
  }

  /** Binds of `account` (or every bind), e.g. to drop them. */
  list(account?: string): readonly Bind[] {
    return account === undefined ? [...this.#binds] : this.#binds.filter((b) => b.account === account);
  }

  /** A receiver or transceiver bind of `account`, taken in turn; undefined when none is open. */
  nextReceiver(account: string): Bind | undefined {
    const receivers = this.#binds.filter((b) => b.account === account && canReceive(b.mode));
    if (receivers.length === 0) return undefined;
    this.#turn = (this.#turn + 1) % receivers.length;
    return receivers[this.#turn];
  }

  byAccount(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const b of this.#binds) counts[b.account] = (counts[b.account] ?? 0) + 1;
    return counts;
  }
}
