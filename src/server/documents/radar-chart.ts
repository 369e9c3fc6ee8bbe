/**
 * The geometry of a radar chart, computed here and drawn by a Typst template
 * with its own polygon and line primitives (no SVG, no Typst package: the
 * documents must render offline, with the shipped fonts for the labels).
 * Every coordinate is in points from the chart's top-left corner.
 */

export interface Point {
  x: number;
  y: number;
}

export interface RadarChartInput {
  /** Number of axes (at least 3 for a polygon; fewer still draw, as spokes). */
  axes: number;
  /** One list of values per series, one value per axis; null is drawn at the centre. */
  series: ReadonlyArray<ReadonlyArray<number | null>>;
  /** The value at the outer ring. */
  max: number;
  /** Concentric rings drawn, evenly spaced (4 gives 25/50/75/100 for max 100). */
  rings: number;
  /** Width of the chart; its height is computed from the labels' room. */
  width: number;
  /** Distance from the centre to the outer ring. */
  radius: number;
  /** Axes go clockwise from the top, or counterclockwise (right-to-left documents read that way). */
  direction: 'clockwise' | 'counterclockwise';
}

export interface RadarLabel extends Point {
  /** Horizontal side of the point the text sits on: to its right (`left` edge at x), to its left, or centred. */
  align: 'left' | 'right' | 'center';
  /** Vertical side: the text above the point, below it, or centred on it. */
  vertical: 'above' | 'below' | 'middle';
}

export interface RadarChartGeometry {
  width: number;
  height: number;
  center: Point;
  /** Concentric polygons, inner first, with the value each stands for. */
  rings: Array<{ value: number; points: Point[] }>;
  spokes: Array<{ from: Point; to: Point }>;
  series: Point[][];
  labels: RadarLabel[];
}

const round = (value: number) => Math.round(value * 100) / 100;

export function radarChartGeometry(input: RadarChartInput, labelRoom = 44): RadarChartGeometry {
  const { axes, max, radius, width } = input;
  const height = 2 * (radius + labelRoom);
  const center = { x: round(width / 2), y: round(height / 2) };
  const sign = input.direction === 'clockwise' ? 1 : -1;
  const angleOf = (axis: number) => -Math.PI / 2 + (sign * 2 * Math.PI * axis) / Math.max(axes, 1);
  const at = (axis: number, distance: number): Point => ({
    x: round(center.x + distance * Math.cos(angleOf(axis))),
    y: round(center.y + distance * Math.sin(angleOf(axis))),
  });
  const scale = (value: number | null) => (value === null || !Number.isFinite(value) ? 0 : (Math.min(Math.max(value, 0), max) / max) * radius);
  const indices = Array.from({ length: axes }, (_, axis) => axis);

  const rings = Array.from({ length: input.rings }, (_, ring) => {
    const value = (max * (ring + 1)) / input.rings;
    return { value, points: indices.map((axis) => at(axis, scale(value))) };
  });
  const spokes = indices.map((axis) => ({ from: center, to: at(axis, radius) }));
  const series = input.series.map((values) => indices.map((axis) => at(axis, scale(values[axis] ?? null))));
  const labels = indices.map((axis): RadarLabel => {
    const point = at(axis, radius + 6);
    const cos = Math.cos(angleOf(axis));
    const sin = Math.sin(angleOf(axis));
    return {
      ...point,
      align: cos > 0.2 ? 'left' : cos < -0.2 ? 'right' : 'center',
      vertical: sin < -0.5 ? 'above' : sin > 0.5 ? 'below' : 'middle',
    };
  });
  return { width, height, center, rings, spokes, series, labels };
}
