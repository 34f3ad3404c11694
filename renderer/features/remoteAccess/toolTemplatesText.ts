import type { ToolTemplate } from '../../../common/registry/model.ts';

/*
 * The environment form's launch templates as text: one line per tool, the tool's name, a colon, then its command
 * line ("TeamViewer: teamviewer -i {teamviewerId}"). Only the first colon separates, so a template may hold
 * `{host}:{port}`. A line without a colon becomes a template-less entry, which the schema refuses at that line.
 */

export function toolTemplatesFromText(text: string): ToolTemplate[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0
        ? { tool: line, template: '' }
        : { tool: line.slice(0, colon).trim(), template: line.slice(colon + 1).trim() };
    });
}

export function toolTemplatesToText(templates: readonly ToolTemplate[]): string {
  return templates.map(({ tool, template }) => `${tool}: ${template}`).join('\n');
}
