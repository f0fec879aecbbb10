/**
 * `cdn/localize.js`: adds a language, or changes strings, for the elements that
 * `cdn/autoloader.js` defines (they share its core). Apart from the autoloader, so that a
 * page that only shows the shipped languages loads nothing for it.
 *
 * @example
 * <script type="module">
 *   import { registerTranslation } from '/assets/pharos/cdn/localize.js';
 *   registerTranslation('nl', { 'Updated {0}': 'Bijgewerkt {0}' });
 * </script>
 */
export { registerTranslation, type PluralForms, type Translation } from '../i18n/translate.js';
