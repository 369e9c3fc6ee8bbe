import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { ReportDomain } from '../../core/diagnostics/report.js';
import { intlLocale } from '../shared/i18n.js';

const arabicLetter = /\p{Script=Arabic}/u;
const anyLetter = /\p{L}/u;

function isRightToLeft(text: string): boolean {
  const first = text.match(anyLetter)?.[0];
  return first !== undefined && arabicLetter.test(first);
}

/** Words wrapped into lines of about `width` characters, at most `maxLines` (the last one cut with an ellipsis). */
function wrap(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${lines.slice(maxLines - 1).join(' ').slice(0, width - 1)}…`];
}

interface TickProps {
  x: number | string;
  y: number | string;
  textAnchor: 'start' | 'middle' | 'end' | 'inherit';
  index: number;
  payload: { value: string; coordinate: number };
}

/**
 * The radar of the domain scores with the need threshold. The chart itself is
 * geometry: it turns clockwise from the top in every language, as in the PDF,
 * and only its labels follow their own direction.
 */
export function DiagnosticReportRadar({ domains }: { domains: ReportDomain[] }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const numberFormat = useMemo(() => new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 }), [i18n.language]);
  const formatScore = (value: number | null) => (value === null ? '—' : numberFormat.format(value));
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const data = domains.map((domain) => ({ label: domain.label, score: domain.score ?? 0, threshold: domain.threshold, shown: domain.score }));
  const lineWidth = isWide ? 22 : 12;
  const fontSize = isWide ? 12 : 10;

  const renderTick = ({ x, y, textAnchor, index, payload }: TickProps) => {
    const label = String(payload.value);
    const lines = wrap(label, lineWidth);
    const rtl = isRightToLeft(label);
    // SVG anchors follow the text's direction: "start" is the right end of Arabic text.
    const anchor: TickProps['textAnchor'] = rtl && textAnchor !== 'middle' ? (textAnchor === 'start' ? 'end' : 'start') : textAnchor;
    const sin = Math.sin((payload.coordinate * Math.PI) / 180);
    const lineHeight = fontSize * 1.25;
    const total = lines.length + 1;
    const firstDy = sin > 0.3 ? -(total - 1) * lineHeight : sin < -0.3 ? lineHeight * 0.8 : -((total - 1) * lineHeight) / 2 + fontSize * 0.35;
    const score = domains[index]?.score ?? null;
    return (
      <text x={Number(x)} y={Number(y)} textAnchor={anchor} direction={rtl ? 'rtl' : 'ltr'} fontSize={fontSize} fill={theme.colors.dark[6]}>
        {lines.map((line, lineIndex) => (
          <tspan key={lineIndex} x={Number(x)} dy={lineIndex === 0 ? firstDy : lineHeight}>
            {line}
          </tspan>
        ))}
        <tspan x={Number(x)} dy={lineHeight} fontWeight={700} fill={theme.colors.teal[8]} direction="ltr">
          {formatScore(score)}
        </tspan>
      </text>
    );
  };

  return (
    <div dir="ltr" role="img" aria-label={t('reports.radarLabel')} style={{ width: '100%', height: isWide ? 420 : 340 }}>
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart data={data} outerRadius={isWide ? '68%' : '52%'} startAngle={90} endAngle={-270} margin={{ top: 24, bottom: 24, left: 8, right: 8 }}>
          <PolarGrid />
          <PolarAngleAxis dataKey="label" tick={renderTick} />
          {/* Ring values between the first and the last axis, away from the labels. */}
          <PolarRadiusAxis domain={[0, 100]} tickCount={5} angle={90 + 180 / Math.max(domains.length, 1)} tick={{ fontSize: 9 }} axisLine={false} />
          <Radar
            name={t('reports.thresholdSeries')}
            dataKey="threshold"
            stroke={theme.colors.orange[7]}
            strokeWidth={1.5}
            strokeDasharray="5 4"
            fill="none"
            isAnimationActive={false}
          />
          <Radar
            name={t('reports.scoreSeries')}
            dataKey="score"
            stroke={theme.colors.teal[7]}
            strokeWidth={2}
            fill={theme.colors.teal[5]}
            fillOpacity={0.3}
            dot={{ r: 3, fill: theme.colors.teal[7] }}
            isAnimationActive={false}
          />
          <Tooltip formatter={(value, name, item) => [name === t('reports.scoreSeries') ? formatScore((item.payload as { shown: number | null }).shown) : formatScore(Number(value)), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
