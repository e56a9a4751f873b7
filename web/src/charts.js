// ECharts, tree-shaken to the parts this app draws with (canvas renderer only).
import * as echarts from 'echarts/core';
import { GraphChart, CustomChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GraphChart, CustomChart, BarChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
export { echarts };
// Reachable from the browser test and the devtools console (charts are found with getInstanceByDom).
window.echarts = echarts;
