// A job's run configuration in words.

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

function failureWord(type) {
  return { FAILED: 'failed', REJECTED: 'rejected', TIMED_OUT: 'timed-out', ALL: 'failed, rejected or timed-out' }[type] || type;
}

export function configurationInWords(job) {
  const lines = [];
  const rollout = job.jobExecutionsRolloutConfig;
  if (rollout && rollout.exponentialRate) {
    const e = rollout.exponentialRate;
    const c = e.rateIncreaseCriteria || {};
    const when = c.numberOfNotifiedThings ? plural(c.numberOfNotifiedThings, 'thing is', 'things are') + ' notified'
      : plural(c.numberOfSucceededThings, 'thing succeeds', 'things succeed');
    lines.push('Rollout: starts at ' + plural(e.baseRatePerMinute, 'thing', 'things') + ' a minute and multiplies the rate by '
      + e.incrementFactor + ' each time ' + when + (rollout.maximumPerMinute ? ', up to ' + rollout.maximumPerMinute + ' a minute.' : '.'));
  } else if (rollout && rollout.maximumPerMinute) {
    lines.push('Rollout: at most ' + plural(rollout.maximumPerMinute, 'thing', 'things') + ' a minute.');
  } else {
    lines.push('Rollout: every target at once.');
  }
  const abort = job.abortConfig && job.abortConfig.criteriaList;
  if (abort && abort.length) {
    for (const a of abort) {
      lines.push('Abort: cancel the job when at least ' + a.thresholdPercentage + '% of at least '
        + plural(a.minNumberOfExecutedThings, 'notified thing', 'notified things') + ' ended ' + failureWord(a.failureType) + '.');
    }
  } else {
    lines.push('Abort: never by itself.');
  }
  const timeout = job.timeoutConfig && job.timeoutConfig.inProgressTimeoutInMinutes;
  lines.push(timeout ? 'Timeout: an execution in progress for ' + plural(timeout, 'minute', 'minutes') + ' times out.' : 'Timeout: none (a device may set step timeouts).');
  const retry = job.jobExecutionsRetryConfig && job.jobExecutionsRetryConfig.criteriaList;
  if (retry && retry.length) {
    for (const r of retry) lines.push('Retry: a ' + failureWord(r.failureType) + ' execution is tried again up to ' + plural(r.numberOfRetries, 'time', 'times') + '.');
  } else {
    lines.push('Retry: none.');
  }
  const s = job.schedulingConfig;
  if (s) {
    const parts = [];
    if (s.startTime) parts.push('starts at ' + s.startTime + ' UTC');
    if (s.endTime) parts.push('ends at ' + s.endTime + ' UTC (then ' + ({ STOP_ROLLOUT: 'stops the rollout', CANCEL: 'cancels the job', FORCE_CANCEL: 'cancels the job with force' }[s.endBehavior || 'STOP_ROLLOUT']) + ')');
    for (const w of s.maintenanceWindows || []) parts.push('runs in the window ' + w.startTime + ' for ' + plural(w.durationInMinutes, 'minute', 'minutes'));
    lines.push('Schedule: ' + (parts.join('; ') || 'none') + '.');
  } else {
    lines.push('Schedule: none: the job starts at once.');
  }
  return lines;
}
