// The live progress chart: one line per execution status over time (uPlot, shipped in the jar).
import uPlot from '/console/vendor/uplot/uPlot.esm.js';
import { COLOURS, EXECUTION_STATUSES, label } from './status.js';

export class ProgressChart {
  constructor(container) {
    this.container = container;
    this.plot = null;
    this.resize = () => this.plot && this.plot.setSize(this.size());
    window.addEventListener('resize', this.resize);
  }

  size() {
    const width = Math.max(280, this.container.clientWidth || 600);
    return { width, height: width < 500 ? 220 : 280 };
  }

  /** timeline: the answer of GET /_fleetjobs/jobs/{jobId}/timeline */
  update(timeline) {
    const data = [timeline.times, ...EXECUTION_STATUSES.map(s => timeline.series[s])];
    const latest = {};
    EXECUTION_STATUSES.forEach(s => { latest[s] = timeline.series[s][timeline.series[s].length - 1]; });
    this.container.dataset.latest = JSON.stringify(latest);
    this.container.dataset.points = String(timeline.times.length);
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    this.plot = new uPlot({
      ...this.size(),
      title: 'Executions by status over time',
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { label: 'executions' }],
      series: [{ label: 'Time' }, ...EXECUTION_STATUSES.map(s => ({
        label: label(s), stroke: COLOURS[s], width: 2, dash: s === 'QUEUED' ? [6, 4] : s === 'REMOVED' ? [2, 3] : undefined,
        value: (u, v) => (v === null || v === undefined ? '—' : String(v)),
      }))],
    }, data, this.container);
  }

  destroy() {
    window.removeEventListener('resize', this.resize);
    if (this.plot) this.plot.destroy();
  }
}
