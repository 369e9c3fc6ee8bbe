import ical, { ICalEventStatus } from 'ical-generator';
import type { SessionKind, SessionStatus } from './session.schema.js';

/**
 * The iCalendar feed of sessions, built with ical-generator: one event per session, its instants in UTC, its
 * status, place and facilitator's display name. Never names of participants or any other personal data.
 */

export interface FeedSession {
  id: string;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  startsAt: string;
  endsAt: string;
  place: string | null;
  programmeCode: string;
  facilitatorName: string | null;
  updatedAt: string;
}

const kindLabels: Record<SessionKind, string> = {
  training: 'Formation',
  workshop: 'Atelier pratique',
  coaching: 'Coaching individuel',
  remote_follow_up: 'Suivi à distance',
};

export function buildCalendar(name: string, sessions: readonly FeedSession[], domain = 'taawon.ma'): string {
  const calendar = ical({ name, prodId: { company: 'Taawon', product: 'sessions', language: 'FR' } });
  for (const session of sessions) {
    const description = [`${kindLabels[session.kind]} — ${session.programmeCode}`, session.facilitatorName ? `Animation : ${session.facilitatorName}` : null]
      .filter(Boolean)
      .join('\n');
    calendar.createEvent({
      id: `${session.id}@${domain}`,
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: new Date(session.updatedAt),
      summary: session.status === 'postponed' ? `[Reportée] ${session.title}` : session.title,
      location: session.place ?? undefined,
      description,
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
