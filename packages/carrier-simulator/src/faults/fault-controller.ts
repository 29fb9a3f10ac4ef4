import type { ActiveFault, FaultKind, FaultSpec } from './fault';

/** The faults control API: `sim.faults`. */
export interface FaultController {
  /**
   * Turns a fault on; returns its id for {@link FaultController.clear}. `count` limits how many
   * PDUs it affects (default: until cleared; a `drop` once).
   */
  set(spec: FaultSpec): number;
  /** Turns one fault off, or all of them without an id. */
  clear(id?: number): void;
  /** The faults in force, in the order they were set. */
  list(): readonly FaultSpec[];
}

/** The controller, plus what the simulator itself calls to consult it. */
export interface FaultRegistry extends FaultController {
  /**
   * The first fault of one of `kinds` matching the traffic, used up by one (its `count`
   * goes down; at zero it is removed).
   */
  take(kinds: readonly FaultKind[], account: string, destination: string | null): FaultSpec | null;
  /** Like take, without using it up. */
  peek(kinds: readonly FaultKind[], account: string, destination: string | null): FaultSpec | null;
  /** Counts a submit towards `drop` faults with `afterSubmits`; true when the connection must drop now. */
  dropDue(account: string, destination: string): boolean;
}

export function createFaultRegistry(onImmediateDrop: (spec: FaultSpec) => void): FaultRegistry {
  let nextId = 1;
  let faults: ActiveFault[] = [];

  const matches = (f: ActiveFault, account: string, destination: string | null) =>
    (f.spec.account === undefined || f.spec.account === account) &&
    (f.spec.destination === undefined || destination === null || f.spec.destination === destination);

  const find = (kinds: readonly FaultKind[], account: string, destination: string | null) =>
    faults.find((f) => kinds.includes(f.spec.kind) && matches(f, account, destination));

  const useOne = (fault: ActiveFault) => {
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
  };

  return {
    set(spec) {
      const id = nextId++;
      // A drop defaults to once: a client that reconnects should find the carrier back.
      const count = spec.count ?? (spec.kind === 'drop' ? 1 : Number.POSITIVE_INFINITY);
      // A drop without `afterSubmits` happens now, to the binds that match, and is done.
      if (spec.kind === 'drop' && spec.afterSubmits === undefined) {
        onImmediateDrop(spec);
        return id;
      }
      faults.push({ id, spec, remaining: count, seen: 0 });
      return id;
    },
    clear(id) {
      faults = id === undefined ? [] : faults.filter((f) => f.id !== id);
    },
    list() {
      return faults.map((f) => f.spec);
    },
    take(kinds, account, destination) {
      const fault = find(kinds, account, destination);
      if (fault === undefined) return null;
      useOne(fault);
      return fault.spec;
    },
    peek(kinds, account, destination) {
      return find(kinds, account, destination)?.spec ?? null;
    },
    dropDue(account, destination) {
      for (const fault of faults) {
        if (fault.spec.kind !== 'drop' || fault.spec.afterSubmits === undefined) continue;
        if (!matches(fault, account, destination)) continue;
        fault.seen += 1;
        if (fault.seen > fault.spec.afterSubmits) {
          fault.seen = 0;
          useOne(fault);
          return true;
        }
      }
      return false;
    },
  };
}
