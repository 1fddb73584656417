// The New job form's rules (the model's limits) and the CreateJob request it makes.

const JOB_ID = /^[a-zA-Z0-9_-]{1,64}$/;

function number(text) {
  return text === undefined || text === null || String(text).trim() === '' ? null : Number(text);
}

function intIn(problems, key, text, min, max) {
  const n = number(text);
  if (n === null) return null;
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    problems[key] = max === undefined ? 'A whole number of at least ' + min + '.' : 'A whole number from ' + min + ' to ' + max + '.';
  }
  return n;
}

/** Problems by field id; empty when the request may be sent. */
export function limits(v) {
  const p = {};
  if (!JOB_ID.test(v.jobId || '')) p.jobId = v.jobId ? 'Only letters, digits, - and _, at most 64.' : 'Give the job an ID.';
  if ((v.description || '').length > 2028) p.description = 'At most 2028 characters.';
  if (v.targets.length === 0) p.targets = 'Choose at least one thing or group.';
  if (!v.templateArn) {
    try {
      const doc = JSON.parse(v.document || '');
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) p.document = 'The document must be a JSON object.';
      else if (v.document.length > 32768) p.document = 'At most 32768 characters.';
    } catch (e) {
      p.document = 'Not valid JSON: ' + e.message;
    }
  }
  intIn(p, 'maximumPerMinute', v.maximumPerMinute, 1, 1000);
  const base = intIn(p, 'baseRatePerMinute', v.baseRatePerMinute, 1, 1000);
  const factor = number(v.incrementFactor);
  const notified = intIn(p, 'numberOfNotifiedThings', v.numberOfNotifiedThings, 1);
  const succeeded = intIn(p, 'numberOfSucceededThings', v.numberOfSucceededThings, 1);
  if (base !== null) {
    if (factor === null || factor < 1.1 || factor > 5 || Math.round(factor * 10) !== factor * 10) p.incrementFactor = 'From 1.1 to 5, one decimal.';
    if (notified === null && succeeded === null) p.numberOfNotifiedThings = 'Give when the rate increases: after notified or succeeded things.';
  } else if (factor !== null || notified !== null || succeeded !== null) {
    p.baseRatePerMinute = 'Give the start rate for an exponential rollout.';
  }
  if (v.abortFailureType) {
    const t = number(v.thresholdPercentage);
    if (t === null || t < 0 || t > 100) p.thresholdPercentage = 'A percentage from 0 to 100.';
    if (intIn(p, 'minNumberOfExecutedThings', v.minNumberOfExecutedThings, 1) === null) p.minNumberOfExecutedThings = 'At least 1.';
  }
  intIn(p, 'inProgressTimeoutInMinutes', v.inProgressTimeoutInMinutes, 1, 10080);
  if (v.retryFailureType && intIn(p, 'numberOfRetries', v.numberOfRetries, 0, 10) === null) p.numberOfRetries = 'From 0 to 10.';
  if (v.endTime && v.startTime && v.endTime <= v.startTime) p.endTime = 'The end must come after the start.';
  if (v.endTime && !v.startTime) p.startTime = 'A schedule with an end needs a start.';
  return p;
}

export function jobRequest(v) {
  const body = { targets: v.targets, targetSelection: v.targetSelection };
  if (v.description) body.description = v.description;
  if (v.templateArn) {
    body.jobTemplateArn = v.templateArn;
    if (Object.keys(v.parameters).length) body.documentParameters = v.parameters;
  } else {
    body.document = v.document;
  }
  const rollout = {};
  if (number(v.maximumPerMinute) !== null) rollout.maximumPerMinute = number(v.maximumPerMinute);
  if (number(v.baseRatePerMinute) !== null) {
    const criteria = {};
    if (number(v.numberOfNotifiedThings) !== null) criteria.numberOfNotifiedThings = number(v.numberOfNotifiedThings);
    if (number(v.numberOfSucceededThings) !== null) criteria.numberOfSucceededThings = number(v.numberOfSucceededThings);
    rollout.exponentialRate = { baseRatePerMinute: number(v.baseRatePerMinute), incrementFactor: number(v.incrementFactor), rateIncreaseCriteria: criteria };
  }
  if (Object.keys(rollout).length) body.jobExecutionsRolloutConfig = rollout;
  if (v.abortFailureType) {
    body.abortConfig = { criteriaList: [{ failureType: v.abortFailureType, action: 'CANCEL',
      thresholdPercentage: number(v.thresholdPercentage), minNumberOfExecutedThings: number(v.minNumberOfExecutedThings) }] };
  }
  if (number(v.inProgressTimeoutInMinutes) !== null) body.timeoutConfig = { inProgressTimeoutInMinutes: number(v.inProgressTimeoutInMinutes) };
  if (v.retryFailureType) body.jobExecutionsRetryConfig = { criteriaList: [{ failureType: v.retryFailureType, numberOfRetries: number(v.numberOfRetries) }] };
  if (v.startTime) {
    body.schedulingConfig = { startTime: v.startTime.slice(0, 16) };
    if (v.endTime) {
      body.schedulingConfig.endTime = v.endTime.slice(0, 16);
      body.schedulingConfig.endBehavior = v.endBehavior;
    }
  }
  return body;
}
