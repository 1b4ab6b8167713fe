// What one drawing of a chart needs: the saved configuration, the series, the points and the
// page's formatters, strings and theme. Apart from render.ts so chart types (treemap) can take it.
import type { ChartConfig } from '../../src/core/chart/config';
import type { ChartSeries } from '../../src/core/chart/series';
import type { ChartStrings } from '../../src/protocol/chart';
import type { Formatters, Point } from './labels';
import type { Theme } from './theme';

export interface Drawing {
  config: ChartConfig;
  series: ChartSeries;
  points: Point[];
  f: Formatters;
  strings: ChartStrings;
  theme: Theme;
}
