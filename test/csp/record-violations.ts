/** Every Content-Security-Policy violation on this page, in order (imported before anything else). */
export const violations: SecurityPolicyViolationEvent[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e));
