import { createTheme } from '@mantine/core';

const latin = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial';
const arabic = '"Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "Geeza Pro", "Arabic Typesetting"';

/** The fonts of the device (nothing is downloaded); Arabic gets a face made for it. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: `${latin}, ${arabic}, sans-serif`,
  headings: { fontFamily: `${latin}, ${arabic}, sans-serif`, fontWeight: '700' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
  },
});
