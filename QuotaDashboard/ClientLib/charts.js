// The one entry point the chart component imports: Chart.js with the plugins the dashboard uses, as an ES module.
import { Chart, registerables } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import 'chartjs-adapter-date-fns';
import { enUS, kk, ru } from 'date-fns/locale';

Chart.register(...registerables, annotationPlugin, MatrixController, MatrixElement);

export { Chart, enUS, kk, ru };
