import { RULES } from '../../server/src/core/rules';

/** The README's rule table, made from the registry. */
export function ruleTable(): string {
  const rows = RULES.map(
    (r) => `| \`${r.code}\` | ${r.defaultSeverity} | ${r.fixKind ? `\`${r.fixKind}\`` : ''} | ${r.description['zh-CN']} | ${r.description.en} |`,
  );
  return ['| code | default | fix | 检查内容 | what it checks |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
