import { h, replace, when, errorBox } from '../dom.js';
import { conditional, api, encode } from '../api.js';
import { badge, label, progressBar, JOB_STATUSES } from '../status.js';

/** Jobs: filters and search live in the address, so a filtered list can be bookmarked; pages go forward by token. */
export async function renderJobs(main, route, page) {
  const params = route.params;
  const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, 'Any status'),
    JOB_STATUSES.map(s => h('option', { value: s, selected: params.get('status') === s }, label(s))));
  const groups = h('select', { id: 'filter-group' }, h('option', { value: '' }, 'Any group'));
  const search = h('input', { id: 'search-id', type: 'search', value: params.get('q') || '', placeholder: 'firmware-', pattern: '[a-zA-Z0-9_-]*' });
  const form = h('form', { class: 'toolbar', role: 'search' },
    h('div', {}, h('label', { for: 'search-id' }, 'Job ID starts with'), search),
    h('div', {}, h('label', { for: 'filter-status' }, 'Status'), status),
    h('div', {}, h('label', { for: 'filter-group' }, 'Target group'), groups),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (search.value.trim()) q.set('q', search.value.trim());
    if (status.value) q.set('status', status.value);
    if (groups.value) q.set('group', groups.value);
    location.hash = '#/jobs' + (q.toString() ? '?' + q : '');
  });
  const list = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'Jobs'), form, list, pager);

  api.get('/thing-groups', { maxResults: 250 }).then(r => {
    for (const g of r.thingGroups || []) {
      groups.append(h('option', { value: g.groupName, selected: params.get('group') === g.groupName }, g.groupName));
    }
  }).catch(() => {});

  const tokens = [null];
  let index = 0;
  const get = conditional();
  const load = async () => {
    try {
      const { data, changed } = await get('/_fleetjobs/jobs', {
        status: params.get('status'), thingGroupName: params.get('group'), jobIdPrefix: params.get('q'), maxResults: 25, nextToken: tokens[index],
      });
      if (!changed) return;
      tokens[index + 1] = data.nextToken || null;
      replace(list, data.jobs.length === 0 ? h('p', { class: 'muted' }, 'No jobs match.') : h('div', { class: 'table-wrap' },
        h('table', { id: 'jobs' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Job'), h('th', { scope: 'col' }, 'Status'),
            h('th', { scope: 'col', class: 'hide-narrow' }, 'Targets'), h('th', { scope: 'col' }, 'Progress'),
            h('th', { scope: 'col', class: 'hide-narrow' }, 'Created'))),
          h('tbody', {}, data.jobs.map(j => h('tr', { 'data-job': j.jobId },
            h('td', {}, h('a', { href: '#/jobs/' + encode(j.jobId) }, j.jobId), j.description ? h('div', { class: 'hint' }, j.description) : null),
            h('td', {}, badge(j.status)),
            h('td', { class: 'hide-narrow' }, j.targetSelection === 'CONTINUOUS' ? 'Continuous' : 'Snapshot'),
            h('td', {}, progressBar(j.progress)),
            h('td', { class: 'hide-narrow' }, when(j.createdAt))))))));
      replace(pager,
        h('button', { type: 'button', disabled: index === 0, onclick: () => { index--; load(); } }, '← Previous'),
        h('span', { class: 'muted' }, 'Page ' + (index + 1)),
        h('button', { type: 'button', disabled: !data.nextToken, onclick: () => { index++; load(); } }, 'Next →'));
    } catch (e) {
      replace(list, errorBox(e));
      throw e;
    }
  };
  page.poll(load, 4000);
}
