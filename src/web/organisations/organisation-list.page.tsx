/** /organisations — not built yet. */
export default function OrganisationListPage() {
  return null;
}
