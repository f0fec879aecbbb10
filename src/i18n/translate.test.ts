import { expect, waitUntil } from '@open-wc/testing';
import { list } from './list.js';
import { registerTranslation, t, tp } from './translate.js';
import shippedFrench from './translations/fr.js';

describe('translate', () => {
  it('gives the English text, filled, where a language has no translation', () => {
    expect(t('en-US', 'Updated {0}', '5 sec. ago')).to.equal('Updated 5 sec. ago');
    expect(t('xx', 'Updated {0}', 'now')).to.equal('Updated now');
    expect(t('tlh', 'Not a key anywhere {1} {0}', 'a', 'b')).to.equal('Not a key anywhere b a');
    expect(t('en', '{0} of {1} ready', 2), 'a value missing reads as nothing').to.equal('2 of  ready');
  });

  it('uses a registered language, its region falling back to it, placeholders in any order', () => {
    registerTranslation('nl', { '{0} of {1} ready': '{1}: {0} klaar' });
    expect(t('nl', '{0} of {1} ready', 2, 3)).to.equal('3: 2 klaar');
    expect(t('nl-BE', '{0} of {1} ready', 2, 3)).to.equal('3: 2 klaar');
    expect(t('nl', 'Untranslated string')).to.equal('Untranslated string');
  });

  it('lets a region have its own strings over its language', () => {
    registerTranslation('pt', { Queue: 'Fila' });
    registerTranslation('pt-PT', { Queue: 'Fila de espera' });
    expect(t('pt-PT', 'Queue')).to.equal('Fila de espera');
    expect(t('pt-BR', 'Queue')).to.equal('Fila');
  });

  it('picks plural forms by Intl.PluralRules, in English and in a language with more forms', () => {
    expect(tp('en', 1, '{0} job', '{0} jobs', '1')).to.equal('1 job');
    expect(tp('en', 0, '{0} job', '{0} jobs', '0')).to.equal('0 jobs');
    expect(tp('zz', 1, '{0} job', '{0} jobs', '1'), 'an unknown language counts in English').to.equal('1 job');
    registerTranslation('pl', { '{0} jobs': { one: '{0} zadanie', few: '{0} zadania', many: '{0} zadań', other: '{0} zadania' } });
    expect(tp('pl', 1, '{0} job', '{0} jobs', '1')).to.equal('1 zadanie');
    expect(tp('pl', 3, '{0} job', '{0} jobs', '3')).to.equal('3 zadania');
    expect(tp('pl', 5, '{0} job', '{0} jobs', '5')).to.equal('5 zadań');
    registerTranslation('ko', { '{0} jobs': '작업 {0}개' });
    expect(tp('ko', 1, '{0} job', '{0} jobs', '1'), 'one form for every count').to.equal('작업 1개');
  });

  it('joins lists in the language', () => {
    expect(list('en', ['Redis', 'Celery', 'Qdrant'])).to.equal('Redis, Celery, and Qdrant');
    expect(list('de', ['Redis', 'Celery', 'Qdrant'])).to.equal('Redis, Celery und Qdrant');
    expect(list('ja', ['A', 'B'])).to.equal('A、B');
  });

  it('loads a shipped language on first use, and a page registering strings first still wins', async () => {
    const [key, french] = Object.entries(shippedFrench).find(([, v]) => typeof v === 'string') as [string, string];
    const [otherKey] = Object.keys(shippedFrench).filter((k) => k !== key && typeof shippedFrench[k] === 'string');
    registerTranslation('fr', { [otherKey!]: 'dit par la page' });
    expect(t('fr-CA', key), 'English until the catalog is here').to.equal(key);
    await waitUntil(() => t('fr-CA', key) === french, 'the French catalog arrives', { timeout: 5000 });
    expect(t('fr', otherKey!)).to.equal('dit par la page');
  });
});
