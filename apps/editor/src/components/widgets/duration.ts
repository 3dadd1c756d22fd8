// ISO 8601 durations (what definitions store: PT2H, P3D) ↔ what a person picks: an amount and
// one unit. Durations a single unit cannot hold exactly (P1M, PT90S) stay in raw mode.
import { assertNever, isIsoDuration } from "@playbook/schema";

export const DURATION_UNITS = ["minutes", "hours", "days", "weeks"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface FriendlyDuration {
  amount: number;
  unit: DurationUnit;
}

const MINUTES_PER: Record<DurationUnit, number> = {
  minutes: 1,
  hours: 60,
  days: 60 * 24,
  weeks: 60 * 24 * 7,
};

/** Parts of a duration in days/hours/minutes/seconds; undefined when it has years or months. */
interface ExactParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PARTS =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function exactParts(iso: string): ExactParts | undefined {
  if (!isIsoDuration(iso)) return undefined;
  const match = PARTS.exec(iso);
  if (!match) return undefined;
  const n = (i: number) => Number(match[i] ?? 0);
  // Years and months have no fixed length in minutes.
  if (n(1) !== 0 || n(2) !== 0) return undefined;
  return { weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * The duration as one amount of the largest unit that holds it exactly (P1DT12H → 36 hours),
 * or undefined when no unit does (months, years, seconds, fractions of a minute).
 */
export function toFriendly(iso: string): FriendlyDuration | undefined {
  const parts = exactParts(iso);
  if (!parts || parts.seconds % 60 !== 0) return undefined;
  const total =
    parts.weeks * MINUTES_PER.weeks +
    parts.days * MINUTES_PER.days +
    parts.hours * MINUTES_PER.hours +
    parts.minutes +
    parts.seconds / 60;
  if (!Number.isInteger(total) || total <= 0) return undefined;
  for (const unit of [...DURATION_UNITS].reverse()) {
    if (total % MINUTES_PER[unit] === 0) return { amount: total / MINUTES_PER[unit], unit };
  }
  return undefined;
}

/** 2 hours → PT2H, 3 days → P3D; undefined for an amount that is not a positive whole number. */
export function fromFriendly({ amount, unit }: FriendlyDuration): string | undefined {
  if (!Number.isInteger(amount) || amount <= 0) return undefined;
  switch (unit) {
    case "minutes":
      return `PT${amount}M`;
    case "hours":
      return `PT${amount}H`;
    case "days":
      return `P${amount}D`;
    case "weeks":
      return `P${amount}W`;
    default:
      return assertNever(unit);
  }
}

export interface DurationPart {
  amount: number;
  unit: "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds";
}

/** The non-zero parts in reading order, for a human description ("1 天 12 小时"). */
export function durationParts(iso: string): DurationPart[] | undefined {
  if (!isIsoDuration(iso)) return undefined;
  const match = PARTS.exec(iso);
  if (!match) return undefined;
  const units: DurationPart["unit"][] = [
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
  ];
  return units
    .map((unit, i) => ({ amount: Number(match[i + 1] ?? 0), unit }))
    .filter((part) => part.amount !== 0);
}
