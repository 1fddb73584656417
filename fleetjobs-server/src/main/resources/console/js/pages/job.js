import { h, replace, when, errorBox, field } from '../dom.js';
import { api, conditional, encode } from '../api.js';
import { badge, label, EXECUTION_STATUSES } from '../status.js';
import { ProgressChart } from '../chart.js';
import { configurationInWords } from '../describe.js';
import { reason } from './overview.js';

function targetLink(arn) {
  const thing = arn.match(/:thing\/(.+)$/);
  const group = arn.match(/:thinggroup\/(.+)$/);
  if (thing) return h('a', { href: '#/things/' + encode(thing[1]) }, 'thing ' + thing[1]);
  if (group) return h('a', { href: '#/groups/' + encode(group[1]) }, 'group ' + group[1]);
  return arn;
}

export async function renderJob(main, route, page) {
  const jobId = route.id;
  const path = '/jobs/' + encode(jobId);
  const [described, documentAnswer] = await Promise.all([api.get(path), api.get(path + '/job-document')]);
  const job = described.job;
  let pretty;
  try {
    pretty = JSON.stringify(JSON.parse(documentAnswer.document), null, 2);
  } catch (e) {
    pretty = documentAnswer.document;
  }
  const statusSlot = h('span', { id: 'job-status' }, badge(job.status));
  const counts = h('div', { class: 'cards', 'aria-live': 'polite' });
  const chartBox = h('div', { class: 'chart', id: 'progress-chart' });
  const chart = new ProgressChart(chartBox);
  const actions = h('div');
  const executions = h('section', { class: 'panel' });

  replace(main,
    h('h1', {}, 'Job ', jobId, ' ', statusSlot),
    job.description ? h('p', {}, job.description) : null,
    h('div', { class: 'grid' },
      h('section', { class: 'panel' }, h('h2', {}, 'Details'), h('dl', { class: 'facts' },
        h('dt', {}, 'Targets'), h('dd', {}, h('div', { class: 'chips' }, (job.targets || []).map(t => h('span', { class: 'chip' }, targetLink(t))))),
        h('dt', {}, 'Target selection'), h('dd', {}, job.targetSelection === 'CONTINUOUS' ? 'Continuous: things that join a target group get the job too' : 'Snapshot: the targets at creation'),
        h('dt', {}, 'Created'), h('dd', {}, when(job.createdAt)),
        h('dt', {}, 'Last updated'), h('dd', {}, when(job.lastUpdatedAt)),
        job.completedAt ? [h('dt', {}, 'Completed'), h('dd', {}, when(job.completedAt))] : null,
        job.reasonCode || job.comment ? [h('dt', {}, 'Canceled because'), h('dd', {}, [job.reasonCode, job.comment].filter(Boolean).join(': '))] : null,
        job.jobTemplateArn ? [h('dt', {}, 'Template'), h('dd', {}, job.jobTemplateArn)] : null)),
      h('section', { class: 'panel' }, h('h2', {}, 'Configuration'), h('ul', { id: 'configuration' }, configurationInWords(job).map(l => h('li', {}, l))))),
    h('section', { class: 'panel' }, h('h2', {}, 'Progress'), counts, chartBox),
    actions,
    executions,
    h('section', { class: 'panel' }, h('h2', {}, 'Document'), h('pre', { class: 'json', id: 'job-document', tabindex: '0' }, pretty)));

  renderCancel(actions, jobId, job.status);
  const refreshExecutions = renderExecutions(executions, jobId);

  const timeline = conditional();
  let lastStatus = job.status;
  page.poll(async () => {
    const { data, changed } = await timeline('/_fleetjobs/jobs/' + encode(jobId) + '/timeline', { points: 120 });
    if (!changed) return;
    replace(counts, EXECUTION_STATUSES.map(s => h('div', { class: 'card', 'data-count': s },
      h('span', { class: 'n' }, String(data.counts[s] || 0)),
      h('span', { class: 'l' }, h('span', { class: 'dot s-' + s, 'aria-hidden': 'true' }), label(s)))));
    chart.update(data);
    if (data.status !== lastStatus) {
      lastStatus = data.status;
      replace(statusSlot, badge(data.status));
      renderCancel(actions, jobId, data.status);
    }
    refreshExecutions();
  }, 2500);
  const stop = page.stop.bind(page);
  page.stop = () => { chart.destroy(); stop(); };
}

function renderCancel(actions, jobId, status) {
  if (status !== 'IN_PROGRESS' && status !== 'SCHEDULED') {
    replace(actions);
    return;
  }
  const force = h('input', { type: 'checkbox', id: 'cancel-force' });
  const reasonCode = field('Reason code', h('input', { id: 'cancel-reason', maxlength: 128, placeholder: 'BAD_FIRMWARE' }), 'Capital letters, digits and _; at most 128.');
  const comment = field('Comment', h('input', { id: 'cancel-comment', maxlength: 2028 }), 'At most 2028 characters.');
  const message = h('div', { 'aria-live': 'assertive' });
  reasonCode.input.addEventListener('input', () => reasonCode.problem(/^[A-Z0-9_]*$/.test(reasonCode.input.value) ? '' : 'Only capital letters, digits and _.'));
  const form = h('form', { class: 'panel', id: 'cancel-job' },
    h('h2', {}, 'Cancel the job'),
    h('div', { class: 'row' }, reasonCode.el, comment.el),
    h('div', { class: 'field' }, h('label', { for: 'cancel-force' }, force, ' Also cancel executions in progress (force)')),
    message,
    h('button', { type: 'submit', class: 'danger' }, 'Cancel job'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!window.confirm('Cancel job ' + jobId + (force.checked ? ', including executions in progress' : '') + '?')) return;
    const body = {};
    if (reasonCode.input.value) body.reasonCode = reasonCode.input.value;
    if (comment.input.value) body.comment = comment.input.value;
    try {
      await api.put('/jobs/' + encode(jobId) + '/cancel', body, { force: force.checked ? 'true' : undefined });
      replace(message, h('div', { class: 'ok', role: 'status' }, 'The job is being canceled.'));
    } catch (err) {
      replace(message, errorBox(err));
    }
  });
  replace(actions, form);
}

/** The executions table: a status filter and pages of 25, forward by the API's token and back by the tokens seen. */
function renderExecutions(section, jobId) {
  const filter = h('select', { id: 'execution-status' }, h('option', { value: '' }, 'Any status'),
    EXECUTION_STATUSES.map(s => h('option', { value: s }, label(s))));
  const table = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  const detail = h('div');
  replace(section, h('h2', {}, 'Executions'),
    h('div', { class: 'toolbar' }, h('div', {}, h('label', { for: 'execution-status' }, 'Status'), filter)), table, pager, detail);
  let tokens = [null];
  let index = 0;
  const get = conditional();
  const load = async () => {
    try {
      const { data, changed } = await get('/jobs/' + encode(jobId) + '/things', { status: filter.value, maxResults: 25, nextToken: tokens[index] });
      if (!changed) return;
      tokens[index + 1] = data.nextToken || null;
      const rows = data.executionSummaries || [];
      replace(table, rows.length === 0 ? h('p', { class: 'muted' }, 'No executions' + (filter.value ? ' with this status.' : ' yet.'))
        : h('div', { class: 'table-wrap' }, h('table', { id: 'executions' },
          h('thead', {}, h('tr', {}, ['Thing', 'Status', '#', 'Queued', 'Last update', ''].map((t, i) => h('th', { scope: 'col', class: i === 3 ? 'hide-narrow' : null }, t)))),
          h('tbody', {}, rows.map(r => {
            const thing = r.thingArn.replace(/^.*:thing\//, '');
            const s = r.jobExecutionSummary;
            return h('tr', { 'data-thing': thing },
              h('td', {}, h('a', { href: '#/things/' + encode(thing) }, thing)),
              h('td', {}, badge(s.status)),
              h('td', { class: 'num' }, String(s.executionNumber)),
              h('td', { class: 'hide-narrow' }, when(s.queuedAt)),
              h('td', {}, when(s.lastUpdatedAt)),
              h('td', {}, h('button', { type: 'button', onclick: () => showExecution(detail, jobId, thing, s.executionNumber, load) }, 'Details')));
          })))));
      replace(pager,
        h('button', { type: 'button', disabled: index === 0, onclick: () => { index--; load(); } }, '← Previous'),
        h('span', { class: 'muted' }, 'Page ' + (index + 1)),
        h('button', { type: 'button', disabled: !data.nextToken, onclick: () => { index++; load(); } }, 'Next →'));
    } catch (e) {
      replace(table, errorBox(e));
    }
  };
  filter.addEventListener('change', () => { tokens = [null]; index = 0; load(); });
  load();
  return load;
}

async function showExecution(detail, jobId, thing, executionNumber, reload) {
  const message = h('div', { 'aria-live': 'assertive' });
  try {
    const [described, history] = await Promise.all([
      api.get('/things/' + encode(thing) + '/jobs/' + encode(jobId), { executionNumber }),
      api.get('/things/' + encode(thing) + '/jobs', { jobId, maxResults: 50 }),
    ]);
    const e = described.execution;
    const force = h('input', { type: 'checkbox', id: 'execution-force' });
    const act = async (what, call) => {
      if (!window.confirm(what + ' the execution of ' + jobId + ' on ' + thing + '?')) return;
      try {
        await call();
        replace(message, h('div', { class: 'ok', role: 'status' }, what + ': done.'));
        reload();
      } catch (err) {
        replace(message, errorBox(err));
      }
    };
    replace(detail, h('section', { class: 'panel', id: 'execution-detail', tabindex: '-1' },
      h('h2', {}, 'Execution ', String(e.executionNumber), ' on ', thing, ' ', badge(e.status)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Status details'), h('dd', { id: 'status-details' }, reason(e.statusDetails && e.statusDetails.detailsMap)),
        h('dt', {}, 'Queued'), h('dd', {}, when(e.queuedAt)),
        h('dt', {}, 'Started'), h('dd', {}, when(e.startedAt)),
        h('dt', {}, 'Last update'), h('dd', {}, when(e.lastUpdatedAt)),
        h('dt', {}, 'Version'), h('dd', {}, String(e.versionNumber))),
      h('h2', {}, 'History of this job on ', thing),
      h('ol', {}, (history.executionSummaries || []).map(x => h('li', {}, 'Execution ' + x.jobExecutionSummary.executionNumber + ': ',
        badge(x.jobExecutionSummary.status), ' ', when(x.jobExecutionSummary.lastUpdatedAt)))),
      h('div', { class: 'field' }, h('label', { for: 'execution-force' }, force, ' Force (also an execution in progress)')),
      message,
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'danger', id: 'cancel-execution',
          onclick: () => act('Cancel', () => api.put('/things/' + encode(thing) + '/jobs/' + encode(jobId) + '/cancel', {}, { force: force.checked ? 'true' : undefined })) }, 'Cancel execution'),
        h('button', { type: 'button', id: 'delete-execution',
          onclick: () => act('Delete', () => api.del('/things/' + encode(thing) + '/jobs/' + encode(jobId) + '/executionNumber/' + e.executionNumber, { force: force.checked ? 'true' : undefined })) }, 'Delete execution'))));
    detail.firstChild.focus();
  } catch (err) {
    replace(detail, errorBox(err));
  }
}
