// The label algebra of the parallel-balance check (see parallel.ts for the method).
//
// A label is a set of *outcomes* read as a disjunction: "this edge gets a token in a run exactly
// when one of these outcomes was chosen". An outcome is one way out of a *decision* (an exclusive
// gateway's edge, one port of a node with several, one start of several). ALWAYS is the empty
// conjunction: every run that reaches the analysed region.
import type { GraphEdge } from "./graph";

export const ALWAYS = -1;

/** Sorted outcome ids; [ALWAYS] for "every run". */
export type Label = readonly number[];

interface Decision {
  readonly input: Label;
  readonly outcomes: number[];
}

interface Outcome {
  readonly decision: number;
  /** The edges this outcome sends a token along (several for one port with several edges). */
  readonly edges: readonly GraphEdge[];
  /** Every outcome this one implies, by decision: itself and what its decision's input implies. */
  readonly implies: ReadonlyMap<number, number>;
}

export class DecisionLabels {
  private readonly decisions: Decision[] = [];
  private readonly outcomes: Outcome[] = [];

  /** A decision taken under `input`; returns one single-outcome label per way out. */
  decide(input: Label, ways: readonly (readonly GraphEdge[])[]): Label[] {
    const decision = this.decisions.length;
    const record: Decision = { input, outcomes: [] };
    this.decisions.push(record);
    const inherited = this.commonImplications(input);
    return ways.map((edges) => {
      const id = this.outcomes.length;
      const implies = new Map(inherited);
      implies.set(decision, id);
      this.outcomes.push({ decision, edges, implies });
      record.outcomes.push(id);
      return [id];
    });
  }

  /**
   * The simplest equivalent label: a decision whose every outcome is present is replaced by the
   * decision's own input, and an outcome that implies another present one is dropped. With
   * `isLooping`, outcomes that only lead round a loop count as present (used on loop exits:
   * a loop that is left at all is eventually left by one of its exits).
   */
  normalize(label: Label, isLooping?: (edges: readonly GraphEdge[]) => boolean): Label {
    const set = new Set(label);
    let changed = true;
    while (changed) {
      if (set.has(ALWAYS)) return [ALWAYS];
      changed = false;
      for (const decision of this.decisionsOf(set)) {
        const { outcomes, input } = this.decisions[decision]!;
        const complete = outcomes.every(
          (o) => set.has(o) || isLooping?.(this.outcomes[o]!.edges) === true,
        );
        if (!complete) continue;
        for (const o of outcomes) set.delete(o);
        for (const o of input) set.add(o);
        changed = true;
      }
      for (const o of set) {
        if (this.impliesAnotherIn(o, set)) {
          set.delete(o);
          changed = true;
        }
      }
    }
    return [...set].sort((a, b) => a - b);
  }

  union(labels: readonly Label[]): Label {
    return this.normalize(labels.flat());
  }

  equivalent(a: Label, b: Label): boolean {
    const left = this.normalize(a);
    const right = this.normalize(b);
    return left.length === right.length && left.every((o, i) => o === right[i]);
  }

  /** True when no run can give both labels a token: every pair of outcomes is in conflict. */
  exclusive(a: Label, b: Label): boolean {
    return a.every((x) => b.every((y) => this.conflict(x, y)));
  }

  private conflict(x: number, y: number): boolean {
    if (x === ALWAYS || y === ALWAYS) return false;
    const left = this.outcomes[x]!.implies;
    const right = this.outcomes[y]!.implies;
    for (const [decision, outcome] of left) {
      const other = right.get(decision);
      if (other !== undefined && other !== outcome) return true;
    }
    return false;
  }

  private impliesAnotherIn(o: number, set: ReadonlySet<number>): boolean {
    if (o === ALWAYS) return false;
    for (const implied of this.outcomes[o]!.implies.values()) {
      if (implied !== o && set.has(implied)) return true;
    }
    return false;
  }

  private decisionsOf(set: ReadonlySet<number>): Set<number> {
    const decisions = new Set<number>();
    for (const o of set) if (o !== ALWAYS) decisions.add(this.outcomes[o]!.decision);
    return decisions;
  }

  /** What every outcome of `input` implies: the intersection of their implications. */
  private commonImplications(input: Label): Map<number, number> {
    if (input.includes(ALWAYS) || input.length === 0) return new Map();
    const [first, ...rest] = input.map((o) => this.outcomes[o]!.implies);
    const common = new Map(first);
    for (const implies of rest) {
      for (const [decision, outcome] of common) {
        if (implies.get(decision) !== outcome) common.delete(decision);
      }
    }
    return common;
  }
}
