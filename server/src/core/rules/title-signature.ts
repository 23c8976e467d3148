import { sameOrgan, signatureOrgan } from '../narrative/organ';
import { defineRule } from '../rule';

export const titleSignature = defineRule({
  code: 'title-signature',
  defaultSeverity: 'information',
  description: { 'zh-CN': '落款机关与标题中的机关一致', en: 'The body in the signature is the one in the title' },
  docs: {
    'zh-CN':
      '报告末尾落款（日期上方一行）的机关名称应与标题中的机关相同。简称（“工信局”对“工业和信息化局”）、省略地名（“招商合作局”）和机关内设办公室视为一致。标题或落款没有机关名称时不检查。',
    en: 'The body named in the signature (the line above the date at the end) should be the one in the title. Abbreviations (工信局 for 工业和信息化局), a name without its place (招商合作局) and an office of the body count as the same. Not checked when the title or the signature names no body.',
  },
  example: {
    valid: '某某市某某局\n2023年1月20日',
    flagged: '某某县某某局\n2023年1月20日',
  },
  messages: {
    mismatch: {
      'zh-CN': '落款机关「{signed}」与标题中的机关「{titled}」不一致',
      en: 'The signature names “{signed}”, the title “{titled}”',
    },
    title: { 'zh-CN': '标题中的机关：{titled}', en: 'Body in the title: {titled}' },
  },
  check(ctx) {
    const { report, doc } = ctx;
    if (!report.organ || !report.title) return [];
    const signed = signatureOrgan(report, doc);
    if (!signed || sameOrgan(report.organ, signed.text)) return [];
    const params = { signed: signed.text, titled: report.organ };
    return [
      {
        messageId: 'mismatch',
        params,
        range: signed.range,
        related: [{ range: report.title.range, messageId: 'title', params }],
        target: 'signature.organ',
      },
    ];
  },
});
