// Status names, labels and colours: every colour comes with its label and a symbol, never alone.
import { h } from './dom.js';

export const EXECUTION_STATUSES = ['QUEUED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'REJECTED', 'CANCELED', 'REMOVED'];
export const JOB_STATUSES = ['IN_PROGRESS', 'SCHEDULED', 'COMPLETED', 'CANCELED', 'DELETION_IN_PROGRESS'];

const LABELS = {
  QUEUED: ['Queued', '○'], IN_PROGRESS: ['In progress', '◐'], SUCCEEDED: ['Succeeded', '✓'], FAILED: ['Failed', '✕'],
  TIMED_OUT: ['Timed out', '⧗'], REJECTED: ['Rejected', '⊘'], CANCELED: ['Canceled', '–'], REMOVED: ['Removed', '⌫'],
  COMPLETED: ['Completed', '✓'], SCHEDULED: ['Scheduled', '◷'], DELETION_IN_PROGRESS: ['Being deleted', '⌫'],
};

export const COLOURS = {
  QUEUED: '#6b7280', IN_PROGRESS: '#2563eb', SUCCEEDED: '#15803d', FAILED: '#b91c1c', TIMED_OUT: '#c2410c',
  REJECTED: '#a21caf', CANCELED: '#78716c', REMOVED: '#57534e',
};

export function label(status) {
  return (LABELS[status] || [status])[0];
}

export function badge(status) {
  const [text, icon] = LABELS[status] || [status, ''];
  return h('span', { class: 'badge s-' + status, 'data-icon': icon, 'data-status': status }, text);
}

/** A stacked bar of a job's executions by status, with the same numbers in its accessible name and title. */
export function progressBar(progress) {
  const total = EXECUTION_STATUSES.reduce((sum, s) => sum + (progress[s] || 0), 0);
  const done = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'REJECTED', 'CANCELED', 'REMOVED'].reduce((sum, s) => sum + (progress[s] || 0), 0);
  const words = EXECUTION_STATUSES.filter(s => progress[s]).map(s => progress[s] + ' ' + label(s).toLowerCase()).join(', ');
  const bar = h('div', { class: 'bar', role: 'img', 'aria-label': total ? words : 'no executions', title: words || 'no executions' });
  for (const s of EXECUTION_STATUSES) {
    if (!progress[s]) continue;
    const part = h('span', { class: 's-' + s });
    part.style.width = (100 * progress[s] / total) + '%'; // set through the CSS object model, which the content security policy allows
    bar.append(part);
  }
  return h('div', {}, bar, h('div', { class: 'hint' }, total ? done + ' of ' + total + ' finished' : 'no executions yet'));
}
