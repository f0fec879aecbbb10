import { expect } from '@open-wc/testing';
import { csvCell, filterHistory, historyToCsv, historyToJson } from './export.js';
import { ENGLISH, type Wording } from './messages.js';
import type { Alert, HistoryEntry, SilenceRecord } from './types.js';

const T0 = Date.UTC(2026, 10, 22, 14, 0, 0);
const resolved: Alert = {
  id: 'db-pool-usage@1', ruleId: 'db-pool-usage', label: 'Connection pool nearly full', severity: 'warning', state: 'resolved',
  since: T0, value: 0.92, message: 'Connection pool usage is 92%, at or above the 80% limit.', acknowledgedAt: T0 + 120_000,
  comment: '=HYPERLINK("http://evil.example","click"), "quoted"\nsecond line', resolvedAt: T0 + 600_000,
};
const silence: SilenceRecord = {
  kind: 'silence', id: 'silence:health-degraded@2', scope: 'rule', ruleId: 'health-degraded', alertId: 'health-degraded@2', label: 'System degraded',
  severity: 'critical', reason: '+deploying, back at 15:00', startedAt: T0 + 60_000, until: T0 + 960_000, endedAt: T0 + 960_000, ended: 'expired',
};
const entries: HistoryEntry[] = [silence, resolved];

describe('alert history export', () => {
  it('CSV: a header, one row per entry, RFC 4180 quoting, formulas neutralised', () => {
    const csv = historyToCsv(entries);
    expect(csv.endsWith('\r\n')).to.equal(true);
    const [header, ...rest] = csv.slice(0, -2).split('\r\n');
    expect(header).to.equal('type,id,rule,label,severity,started,ended,message,acknowledged,comment,silence_scope,silence_until,reason,ended_because');
    expect(rest[0]).to.equal(
      `silence,silence:health-degraded@2,health-degraded,System degraded,critical,${new Date(T0 + 60_000).toISOString()},${new Date(T0 + 960_000).toISOString()},,,,rule,${new Date(T0 + 960_000).toISOString()},"'+deploying, back at 15:00",expired`,
    );
    // The comment holds a newline, so the alert's row spans two physical lines.
    expect(rest.slice(1).join('\r\n')).to.equal(
      `alert,db-pool-usage@1,db-pool-usage,Connection pool nearly full,warning,${new Date(T0).toISOString()},${new Date(T0 + 600_000).toISOString()},` +
        `"Connection pool usage is 92%, at or above the 80% limit.",${new Date(T0 + 120_000).toISOString()},` +
        `"'=HYPERLINK(""http://evil.example"",""click""), ""quoted""\nsecond line",,,,resolved`,
    );
    expect(csvCell('-1')).to.equal("'-1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('plain')).to.equal('plain');
  });

  it('JSON: every field, typed, with when and for which backend', () => {
    const parsed = JSON.parse(historyToJson(entries, { baseUrl: 'https://pharos.example', exportedAt: T0 + 3_600_000 }));
    expect(parsed.exportedAt).to.equal(new Date(T0 + 3_600_000).toISOString());
    expect(parsed.baseUrl).to.equal('https://pharos.example');
    expect(parsed.entries).to.deep.equal([
      { type: 'silence', ...silence },
      { type: 'alert', ...resolved },
    ]);
  });

  it('words labels, messages and notes in the language it is given; codes stay', () => {
    // A stand-in translation: every text in brackets.
    const bracketed: Wording = { ...ENGLISH, t: (lang, text, ...values) => `[${ENGLISH.t(lang, text, ...values)}]` };
    const detailed: Alert = { ...resolved, id: 'x', comment: undefined, note: 'Rule turned off', message: undefined, detail: { kind: 'job-failed', repoUrl: 'github.com/a/b', why: '' } };
    const row = historyToCsv([detailed], { lang: 'xx', wording: bracketed }).split('\r\n')[1]!;
    expect(row).to.equal(
      `alert,x,db-pool-usage,[Connection pool nearly full],warning,${new Date(T0).toISOString()},${new Date(T0 + 600_000).toISOString()},` +
        `[Ingestion of github.com/a/b failed.],${new Date(T0 + 120_000).toISOString()},,,,,[Rule turned off]`,
    );
    const [entry] = JSON.parse(historyToJson([detailed], { baseUrl: '', exportedAt: T0 }, { lang: 'xx', wording: bracketed })).entries;
    expect(entry).to.deep.include({ type: 'alert', label: '[Connection pool nearly full]', message: '[Ingestion of github.com/a/b failed.]', note: '[Rule turned off]' });
    expect(entry.detail, 'the figures stay, for scripts').to.deep.equal(detailed.detail);
  });

  it('filters by severity and rule', () => {
    expect(filterHistory(entries, { severities: ['warning'] }).map((e) => e.id)).to.deep.equal(['db-pool-usage@1']);
    expect(filterHistory(entries, { ruleId: 'health-degraded' }).map((e) => e.id)).to.deep.equal(['silence:health-degraded@2']);
    expect(filterHistory(entries, {})).to.have.length(2);
  });
});
