/** `/programmes/:programmeId/indicators` (to be built). */
export default function IndicatorsPage() {
  return null;
}
