// The recording's JUnit XML: one testcase per step.
import { escapeXml as xml, junitSeconds as seconds } from '../../lib/junit-xml.ts';
import { redact } from '../../lib/redact.ts';
import { describePlatform } from './transcript.ts';
import type { RunRecord, StepRecord } from '../../../core/demo-run-record.ts';

function testcase(step: StepRecord, suite: string): string {
  const name = `${step.kind}: ${step.title}`;
  const head = `    <testcase classname="${xml(`${suite}.${step.moment ?? 'setup'}`)}" name="${xml(name)}" time="${seconds(step.durationMs)}"`;
  if (step.status === 'skipped')
    return `${head}>\n      <skipped message="not run: an earlier step failed"/>\n    </testcase>`;
  if (step.status === 'failed' && step.error) {
    const detail = [
      step.error.message,
      step.error.status ? `status: ${step.error.status}` : '',
      step.error.bodyExcerpt ? `body: ${step.error.bodyExcerpt}` : '',
      step.error.hint ? `hint: ${step.error.hint}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return `${head}>\n      <failure message="${xml(step.error.message)}" type="DemoStepError">${xml(detail)}</failure>\n    </testcase>`;
  }
  const calls = step.exchanges
    .map((exchange) => `${exchange.method} ${exchange.path} → ${exchange.status ?? exchange.error}`)
    .join('\n');
  return calls ? `${head}>\n      <system-out>${xml(calls)}</system-out>\n    </testcase>` : `${head}/>`;
}

/** JUnit XML: one testcase per step (hidden setup and cleanup included), skipped after a failure. */
export function renderJunit(record: RunRecord, suite: string, secrets: Iterable<string>): string {
  const failures = record.steps.filter((step) => step.status === 'failed').length;
  const skipped = record.steps.filter((step) => step.status === 'skipped').length;
  const counts = `tests="${record.steps.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(record.durationMs)}"`;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="npm run demo" ${counts}>`,
    `  <testsuite name="${xml(suite)}" ${counts} timestamp="${record.startedAt}">`,
    '    <properties>',
    `      <property name="platform" value="${xml(describePlatform(record))}"/>`,
    `      <property name="storyboard" value="${xml(record.storyboard.file)}"/>`,
    '    </properties>',
    ...record.steps.map((step) => testcase(step, suite)),
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
  return `${redact(body, secrets)}\n`;
}
