// Tailwind 4 reads its theme from CSS; app/globals.css loads this file with @config for the few
// project tokens we keep in one place. Colours are chosen for AA contrast on white and on brand-50.
import type { Config } from 'tailwindcss';

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef7f6',
          100: '#d5ecea',
          600: '#0f6e66',
          700: '#0b5a53',
          800: '#094842',
          900: '#073a35',
        },
        accent: {
          100: '#fdf0d5',
          700: '#8a4b00',
        },
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'],
      },
    },
  },
};

export default config;
