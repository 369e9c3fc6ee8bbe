import { describe, expect, it } from 'vitest';
import { radarChartGeometry } from './radar-chart.js';

describe('radar chart geometry', () => {
  const input = { axes: 4, series: [[100, 50, null, 0]], max: 100, rings: 4, width: 300, radius: 100, direction: 'clockwise' as const };

  it('puts the first axis at the top and goes clockwise', () => {
    const chart = radarChartGeometry(input);
    const { center } = chart;
    expect(chart.spokes[0]!.to).toEqual({ x: center.x, y: center.y - 100 });
    expect(chart.spokes[1]!.to).toEqual({ x: center.x + 100, y: center.y });
    expect(radarChartGeometry({ ...input, direction: 'counterclockwise' }).spokes[1]!.to).toEqual({ x: center.x - 100, y: center.y });
  });

  it('scales values to the radius; null and out-of-range values are clamped', () => {
    const chart = radarChartGeometry({ ...input, series: [[100, 50, null, 250]] });
    const { center } = chart;
    const [top, right, bottom, left] = chart.series[0]!;
    expect(top).toEqual({ x: center.x, y: center.y - 100 });
    expect(right).toEqual({ x: center.x + 50, y: center.y });
    expect(bottom).toEqual(center);
    expect(left).toEqual({ x: center.x - 100, y: center.y });
  });

  it('draws evenly spaced rings and places labels on the outer side', () => {
    const chart = radarChartGeometry(input);
    expect(chart.rings.map((ring) => ring.value)).toEqual([25, 50, 75, 100]);
    expect(chart.labels.map((label) => [label.align, label.vertical])).toEqual([
      ['center', 'above'],
      ['left', 'middle'],
      ['center', 'below'],
      ['right', 'middle'],
    ]);
    expect(chart.height).toBeGreaterThan(2 * input.radius);
  });
});
