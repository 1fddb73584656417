import { h, replace, when, errorBox } from '../dom.js';
import { conditional, encode } from '../api.js';
import { badge, label, EXECUTION_STATUSES, JOB_STATUSES } from '../status.js';

function cards(counts, statuses, prefix) {
  return h('div', { class: 'cards' }, statuses.map(s => h('div', { class: 'card', 'data-count': prefix + s },
    h('span', { class: 'n' }, String(counts[s] || 0)),
    h('span', { class: 'l' }, h('span', { class: 'dot s-' + s, 'aria-hidden': 'true' }), label(s)))));
}

export async function renderOverview(main, route, page) {
  const get = conditional();
  const body = h('div', { 'aria-live': 'polite' });
  replace(main, h('h1', {}, 'Overview'), body);
  page.poll(async () => {
    try {
      const { data, changed } = await get('/_fleetjobs/overview');
      if (!changed) return;
      const devices = data.connectedDevices !== undefined ? String(data.connectedDevices)
        : data.mqtt === 'external' ? 'not known here (external broker)' : 'MQTT is off';
      replace(body,
        h('section', { class: 'panel' }, h('h2', {}, 'Jobs by status'), cards(data.jobs, JOB_STATUSES, 'job-')),
        h('section', { class: 'panel' }, h('h2', {}, 'Executions by status across the fleet'), cards(data.executions, EXECUTION_STATUSES, 'exec-')),
        h('section', { class: 'panel' }, h('h2', {}, 'Devices connected over MQTT'),
          h('p', { class: 'card', 'data-count': 'connected' }, h('span', { class: 'n' }, devices))),
        h('section', { class: 'panel' }, h('h2', {}, 'Latest failures'),
          data.latestFailures.length === 0 ? h('p', { class: 'muted' }, 'No failed, timed-out or rejected executions.')
            : h('div', { class: 'table-wrap' }, h('table', { id: 'failures' },
              h('thead', {}, h('tr', {}, ['Thing', 'Job', 'Status', 'Reason', 'When'].map(t => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, data.latestFailures.map(f => h('tr', {},
                h('td', {}, h('a', { href: '#/things/' + encode(f.thingName) }, f.thingName)),
                h('td', {}, h('a', { href: '#/jobs/' + encode(f.jobId) }, f.jobId)),
                h('td', {}, badge(f.status)),
                h('td', {}, reason(f.statusDetails)),
                h('td', {}, when(f.lastUpdatedAt)))))))));
    } catch (e) {
      replace(body, errorBox(e));
      throw e;
    }
  }, 3000);
}

/** statusDetails in words: "reason" first when the device gave one, then the other pairs. */
export function reason(details) {
  const entries = Object.entries(details || {});
  if (entries.length === 0) return '—';
  entries.sort(([a], [b]) => (a === 'reason' ? -1 : b === 'reason' ? 1 : a.localeCompare(b)));
  return entries.map(([k, v]) => k + ': ' + v).join('; ');
}
