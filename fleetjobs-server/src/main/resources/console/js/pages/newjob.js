import { h, replace, errorBox, field } from '../dom.js';
import { api, encode } from '../api.js';
import { jobRequest, limits } from '../jobform.js';

/** New job: targets, document or template, run configuration checked against the model's limits while typing. */
export async function renderNewJob(main) {
  const inputs = {};
  const text = (id, attrs = {}) => (inputs[id] = h('input', { id, ...attrs }));
  const select = (id, options) => (inputs[id] = h('select', { id }, options.map(([v, t]) => h('option', { value: v }, t))));
  const fields = {};
  const add = (id, labelText, input, hint) => (fields[id] = field(labelText, input, hint)).el;

  // targets
  const chosen = new Map(); // arn -> label
  const chips = h('div', { class: 'chips', id: 'chosen-targets', 'aria-live': 'polite' });
  const targetsProblem = h('div', { class: 'problem', 'aria-live': 'polite' });
  const redrawChips = () => {
    replace(chips, chosen.size === 0 ? h('span', { class: 'muted' }, 'No targets yet.') : [...chosen.entries()].map(([arn, name]) => h('span', { class: 'chip' }, name,
      h('button', { type: 'button', 'aria-label': 'Remove ' + name, onclick: () => { chosen.delete(arn); redrawChips(); } }, '×'))));
  };
  const choose = (arn, name) => { chosen.set(arn, name); redrawChips(); targetsProblem.textContent = ''; };
  const targetSearch = h('input', { id: 'target-search', type: 'search', placeholder: 'pump-', autocomplete: 'off' });
  const results = h('ul', { id: 'target-results', class: 'chips' });
  let searchRun = 0;
  const search = async () => {
    const run = ++searchRun;
    const q = targetSearch.value.trim();
    const [groups, things] = await Promise.all([
      api.get('/thing-groups', { namePrefixFilter: q || undefined, maxResults: 20 }),
      api.get('/things', { maxResults: 100 }),
    ]);
    if (run !== searchRun) return;
    const items = [];
    for (const g of groups.thingGroups || []) items.push([g.groupArn, 'group ' + g.groupName]);
    for (const t of (things.things || []).filter(t => t.thingName.startsWith(q)).slice(0, 20)) items.push([t.thingArn, 'thing ' + t.thingName]);
    if (q && !items.some(([, n]) => n === 'thing ' + q)) {
      try {
        const exact = await api.get('/things/' + encode(q));
        items.push([exact.thingArn, 'thing ' + exact.thingName]);
      } catch (ignored) { /* no such thing */ }
    }
    replace(results, items.length === 0 ? h('li', { class: 'muted' }, 'No things or groups match.') : items.map(([arn, name]) =>
      h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => choose(arn, name) }, '+ ', name))));
  };
  targetSearch.addEventListener('input', () => search().catch(() => {}));

  // document or template
  const documentInput = (inputs.document = h('textarea', { id: 'document', class: 'code', spellcheck: 'false' }, '{\n  "operation": "install",\n  "version": "2.0"\n}'));
  const templateSelect = h('select', { id: 'template' }, h('option', { value: '' }, 'No template: write the document'));
  const parameters = h('div', { id: 'template-parameters' });
  const templateView = h('pre', { class: 'json', hidden: true });
  api.get('/job-templates', { maxResults: 250 }).then(r => {
    for (const t of r.jobTemplates || []) templateSelect.append(h('option', { value: t.jobTemplateArn, 'data-id': t.jobTemplateId }, t.jobTemplateId));
  }).catch(() => {});
  templateSelect.addEventListener('change', async () => {
    replace(parameters);
    const option = templateSelect.selectedOptions[0];
    const usingTemplate = Boolean(templateSelect.value);
    documentInput.disabled = usingTemplate;
    templateView.hidden = !usingTemplate;
    if (!usingTemplate) return;
    const t = await api.get('/job-templates/' + encode(option.dataset.id));
    templateView.textContent = t.document;
    const keys = [...new Set([...t.document.matchAll(/\$\{aws:iot:parameter:([a-zA-Z0-9_-]+)\}/g)].map(m => m[1]))];
    for (const key of keys) {
      const input = h('input', { id: 'param-' + key, 'data-parameter': key, maxlength: 30720 });
      parameters.append(field('Parameter ' + key, input, 'Replaces ${aws:iot:parameter:' + key + '} in the document.').el);
    }
  });

  const form = h('form', { id: 'new-job', novalidate: true },
    h('h1', {}, 'New job'),
    h('fieldset', {}, h('legend', {}, 'Job'),
      h('div', { class: 'row' },
        add('jobId', 'Job ID', text('jobId', { maxlength: 64, required: true, autocomplete: 'off' }), 'Letters, digits, - and _; at most 64.'),
        add('targetSelection', 'Target selection', select('targetSelection', [['SNAPSHOT', 'Snapshot: the targets as they are now'], ['CONTINUOUS', 'Continuous: also things that join a target group later']]))),
      add('description', 'Description', text('description', { maxlength: 2028 }), 'Optional; at most 2028 characters.')),
    h('fieldset', {}, h('legend', {}, 'Targets'),
      h('div', { class: 'field' }, h('label', { for: 'target-search' }, 'Search things and groups'), targetSearch,
        h('div', { class: 'hint' }, 'Groups by name prefix; things by name prefix among the first 100, or by exact name.')),
      results, h('p', {}, 'Chosen: '), chips, targetsProblem),
    h('fieldset', {}, h('legend', {}, 'Document'),
      h('div', { class: 'field' }, h('label', { for: 'template' }, 'Template'), templateSelect), templateView, parameters,
      (fields.document = field('Job document (JSON)', documentInput, 'A JSON object; at most 32768 characters.')).el,
      h('button', { type: 'button', onclick: () => { try { documentInput.value = JSON.stringify(JSON.parse(documentInput.value), null, 2); } catch (e) { validate(); } } }, 'Format JSON')),
    h('fieldset', {}, h('legend', {}, 'Rollout'),
      h('div', { class: 'row' },
        add('maximumPerMinute', 'Things per minute at most', text('maximumPerMinute', { type: 'number', inputmode: 'numeric' }), '1 to 1000; empty for all at once.'),
        add('baseRatePerMinute', 'Exponential: start rate per minute', text('baseRatePerMinute', { type: 'number' }), '1 to 1000; empty for a constant rate.'),
        add('incrementFactor', 'Exponential: increase factor', text('incrementFactor', { type: 'number', step: '0.1' }), '1.1 to 5.'),
        add('numberOfNotifiedThings', 'Increase after this many notified', text('numberOfNotifiedThings', { type: 'number' }), 'At least 1; or give succeeded.'),
        add('numberOfSucceededThings', 'Increase after this many succeeded', text('numberOfSucceededThings', { type: 'number' }), 'At least 1.'))),
    h('fieldset', {}, h('legend', {}, 'Abort'),
      h('div', { class: 'row' },
        add('abortFailureType', 'Abort when executions end', select('abortFailureType', [['', 'Never abort'], ['FAILED', 'Failed'], ['REJECTED', 'Rejected'], ['TIMED_OUT', 'Timed out'], ['ALL', 'Failed, rejected or timed out']])),
        add('thresholdPercentage', 'Threshold (%)', text('thresholdPercentage', { type: 'number', step: '0.1' }), 'Up to 100.'),
        add('minNumberOfExecutedThings', 'After at least this many notified', text('minNumberOfExecutedThings', { type: 'number' }), 'At least 1.'))),
    h('fieldset', {}, h('legend', {}, 'Timeout and retries'),
      h('div', { class: 'row' },
        add('inProgressTimeoutInMinutes', 'Time out in progress after (minutes)', text('inProgressTimeoutInMinutes', { type: 'number' }), '1 to 10080 (7 days); empty for none.'),
        add('retryFailureType', 'Retry executions that', select('retryFailureType', [['', 'Never retry'], ['FAILED', 'Failed'], ['TIMED_OUT', 'Timed out'], ['ALL', 'Failed or timed out']])),
        add('numberOfRetries', 'Retries', text('numberOfRetries', { type: 'number' }), '0 to 10.'))),
    h('fieldset', {}, h('legend', {}, 'Schedule'),
      h('div', { class: 'row' },
        add('startTime', 'Start (UTC)', text('startTime', { type: 'datetime-local' }), '30 minutes to a year ahead; empty to start now.'),
        add('endTime', 'End (UTC)', text('endTime', { type: 'datetime-local' }), 'At least 30 minutes after the start.'),
        add('endBehavior', 'At the end', select('endBehavior', [['STOP_ROLLOUT', 'Stop the rollout'], ['CANCEL', 'Cancel the job'], ['FORCE_CANCEL', 'Cancel the job with force']])))));
  const preview = h('div', { id: 'preview', 'aria-live': 'polite' });
  const message = h('div', { 'aria-live': 'assertive' });
  const previewButton = h('button', { type: 'button', id: 'preview-targets' }, 'Preview the targets count');
  const createButton = h('button', { type: 'submit', class: 'primary', id: 'create-job' }, 'Create job');
  form.append(h('div', { class: 'panel' }, h('div', { class: 'row' }, previewButton, createButton), preview, message));

  const values = () => {
    const v = {};
    for (const [id, input] of Object.entries(inputs)) v[id] = input.value;
    v.targets = [...chosen.keys()];
    v.templateArn = templateSelect.value;
    v.parameters = {};
    for (const p of parameters.querySelectorAll('[data-parameter]')) v.parameters[p.dataset.parameter] = p.value;
    return v;
  };
  const validate = () => {
    const problems = limits(values());
    for (const [id, f] of Object.entries(fields)) f.problem(problems[id]);
    targetsProblem.textContent = problems.targets || '';
    return Object.keys(problems).length === 0;
  };
  form.addEventListener('input', validate);
  form.addEventListener('change', validate);

  previewButton.addEventListener('click', async () => {
    if (!validate()) return;
    const v = values();
    replace(preview, h('p', { class: 'muted' }, 'Counting the targets…'));
    try {
      const plan = await api.post('/_fleetjobs/jobs/' + encode(v.jobId) + '/dry-run', jobRequest(v));
      const count = plan.targets ? plan.targets.reached : 0;
      replace(preview, h('p', { class: 'ok', role: 'status', id: 'preview-count' }, 'This job would reach ' + count + ' thing' + (count === 1 ? '' : 's') + '.'));
    } catch (e) {
      replace(preview, errorBox(e));
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!validate()) {
      replace(message, errorBox('Some fields need attention: see the messages beside them.'));
      return;
    }
    const v = values();
    createButton.disabled = true;
    try {
      await api.put('/jobs/' + encode(v.jobId), jobRequest(v));
      location.hash = '#/jobs/' + encode(v.jobId);
    } catch (err) {
      replace(message, errorBox(err));
    } finally {
      createButton.disabled = false;
    }
  });
  replace(main, form);
  redrawChips();
  search().catch(() => {});
  inputs.jobId.focus();
}
