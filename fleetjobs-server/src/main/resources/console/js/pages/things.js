import { h, replace, when, errorBox } from '../dom.js';
import { api, encode } from '../api.js';
import { badge, label, EXECUTION_STATUSES } from '../status.js';

function attributes(map) {
  const entries = Object.entries(map || {});
  return entries.length === 0 ? h('span', { class: 'muted' }, 'none') : h('span', { class: 'chips' }, entries.map(([k, v]) => h('span', { class: 'chip' }, k + ' = ' + v)));
}

/** One level of the group tree; a group's subgroups are asked for when it is opened. */
function groupLevel(parent) {
  const list = h('ul', { role: parent ? 'group' : 'tree', 'aria-label': parent ? null : 'Thing groups' });
  api.get('/thing-groups', { parentGroup: parent || undefined, recursive: 'false', maxResults: 250 }).then(r => {
    const groups = r.thingGroups || [];
    if (groups.length === 0 && !parent) list.append(h('li', { class: 'muted' }, 'No thing groups yet.'));
    for (const g of groups) {
      const item = h('li', { role: 'treeitem', 'aria-expanded': 'false' });
      const toggle = h('button', { type: 'button', 'aria-label': 'Open ' + g.groupName }, '▸');
      let opened = null;
      toggle.addEventListener('click', () => {
        if (opened) {
          opened.remove();
          opened = null;
          toggle.textContent = '▸';
          item.setAttribute('aria-expanded', 'false');
        } else {
          opened = groupLevel(g.groupName);
          item.append(opened);
          toggle.textContent = '▾';
          item.setAttribute('aria-expanded', 'true');
        }
      });
      item.append(toggle, h('a', { href: '#/groups/' + encode(g.groupName) }, g.groupName));
      list.append(item);
    }
  }).catch(e => list.append(h('li', {}, errorBox(e))));
  return list;
}

export async function renderThings(main) {
  const list = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'Things and groups'),
    h('div', { class: 'grid' },
      h('section', { class: 'panel tree', id: 'group-tree' }, h('h2', {}, 'Group tree'), groupLevel(null)),
      h('section', { class: 'panel' }, h('h2', {}, 'Things'), list, pager)));
  const tokens = [null];
  let index = 0;
  const load = async () => {
    const r = await api.get('/things', { maxResults: 50, nextToken: tokens[index] });
    tokens[index + 1] = r.nextToken || null;
    replace(list, (r.things || []).length === 0 ? h('p', { class: 'muted' }, 'No things yet.') : h('div', { class: 'table-wrap' }, h('table', { id: 'things' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Thing'), h('th', { scope: 'col' }, 'Attributes'))),
      h('tbody', {}, r.things.map(t => h('tr', {}, h('td', {}, h('a', { href: '#/things/' + encode(t.thingName) }, t.thingName)), h('td', {}, attributes(t.attributes))))))));
    replace(pager,
      h('button', { type: 'button', disabled: index === 0, onclick: () => { index--; load(); } }, '← Previous'),
      h('span', { class: 'muted' }, 'Page ' + (index + 1)),
      h('button', { type: 'button', disabled: !r.nextToken, onclick: () => { index++; load(); } }, 'Next →'));
  };
  await load();
}

export async function renderThing(main, route, page) {
  const name = route.id;
  const [thing, groups] = await Promise.all([api.get('/things/' + encode(name)), api.get('/things/' + encode(name) + '/thing-groups', { maxResults: 25 })]);
  const filter = h('select', { id: 'thing-execution-status' }, h('option', { value: '' }, 'Any status'), EXECUTION_STATUSES.map(s => h('option', { value: s }, label(s))));
  const table = h('div', { 'aria-live': 'polite' });
  replace(main, h('h1', {}, 'Thing ', name),
    h('section', { class: 'panel' }, h('dl', { class: 'facts' },
      h('dt', {}, 'Attributes'), h('dd', {}, attributes(thing.attributes)),
      h('dt', {}, 'Groups'), h('dd', { class: 'chips' }, (groups.thingGroups || []).length === 0 ? h('span', { class: 'muted' }, 'none')
        : groups.thingGroups.map(g => h('a', { class: 'chip', href: '#/groups/' + encode(g.groupName) }, g.groupName))),
      h('dt', {}, 'Version'), h('dd', {}, String(thing.version)))),
    h('section', { class: 'panel' }, h('h2', {}, 'Executions across jobs'),
      h('div', { class: 'toolbar' }, h('div', {}, h('label', { for: 'thing-execution-status' }, 'Status'), filter)), table));
  const load = async () => {
    try {
      const r = await api.get('/things/' + encode(name) + '/jobs', { status: filter.value, maxResults: 50 });
      const rows = r.executionSummaries || [];
      replace(table, rows.length === 0 ? h('p', { class: 'muted' }, 'No executions.') : h('div', { class: 'table-wrap' }, h('table', { id: 'thing-executions' },
        h('thead', {}, h('tr', {}, ['Job', 'Status', '#', 'Last update'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(x => h('tr', {}, h('td', {}, h('a', { href: '#/jobs/' + encode(x.jobId) }, x.jobId)),
          h('td', {}, badge(x.jobExecutionSummary.status)), h('td', { class: 'num' }, String(x.jobExecutionSummary.executionNumber)),
          h('td', {}, when(x.jobExecutionSummary.lastUpdatedAt))))))));
    } catch (e) {
      replace(table, errorBox(e));
    }
  };
  filter.addEventListener('change', load);
  page.poll(load, 5000);
}

export async function renderGroup(main, route) {
  const name = route.id;
  const [group, things] = await Promise.all([api.get('/thing-groups/' + encode(name)),
    api.get('/thing-groups/' + encode(name) + '/things', { recursive: 'true', maxResults: 100 })]);
  const meta = group.thingGroupMetadata || {};
  const props = group.thingGroupProperties || {};
  const lineage = (meta.rootToParentThingGroups || []).map(g => h('a', { class: 'chip', href: '#/groups/' + encode(g.groupName) }, g.groupName));
  replace(main, h('h1', {}, 'Group ', name),
    h('section', { class: 'panel' }, h('dl', { class: 'facts' },
      h('dt', {}, 'Description'), h('dd', {}, props.thingGroupDescription || '—'),
      h('dt', {}, 'Attributes'), h('dd', {}, attributes(props.attributePayload && props.attributePayload.attributes)),
      h('dt', {}, 'Parents'), h('dd', { class: 'chips' }, lineage.length ? lineage : h('span', { class: 'muted' }, 'a root group')))),
    h('section', { class: 'panel tree' }, h('h2', {}, 'Subgroups'), groupLevel(name)),
    h('section', { class: 'panel' }, h('h2', {}, 'Things (subgroups included)'),
      (things.things || []).length === 0 ? h('p', { class: 'muted' }, 'No things.') : h('ul', { class: 'chips', id: 'group-things' },
        things.things.map(t => h('li', {}, h('a', { class: 'chip', href: '#/things/' + encode(t) }, t)))),
      things.nextToken ? h('p', { class: 'hint' }, 'The first 100 are shown.') : null),
    h('p', {}, h('a', { href: '#/jobs?group=' + encode(name) }, 'Jobs that target this group')));
}
