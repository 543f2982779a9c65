// GitHub Actions workflow-command annotations for issues, one per issue.
import { sortIssues, type Issue } from '../../../core/issue.ts';

// GitHub workflow commands need %, CR, LF (and in properties also : and ,) escaped.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…::` annotation per issue, for GitHub Actions. */
export function formatAnnotations(issues: readonly Issue[]): string[] {
  return sortIssues(issues).map((issue) => {
    const level = issue.severity === 'error' ? 'error' : 'warning';
    // Flag and env-var issues (line 0) carry no file position: the title names them instead.
    const where = issue.line > 0 ? `file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column},` : '';
    const props = `${where}title=${escapeProperty(issue.line > 0 ? `[${issue.rule}]` : `${issue.file} [${issue.rule}]`)}`;
    return `::${level} ${props}::${escapeData(issue.hint ? `${issue.message} — ${issue.hint}` : issue.message)}`;
  });
}
