// TEMPORARY STUB written by the foundation work so the site builds; the markdown work replaces this file.
export interface MinutesSummary { chair?: string; attendees: string[]; agenda: string[]; actions: Array<{ owner?: string; text: string; done: boolean }>; decisions: string[]; rfcMentions: number[] }
export function extractMinutes(_body: string, fm: { chair?: string; attendees?: string[]; agenda?: string[] } = {}): MinutesSummary {
  return { chair: fm.chair, attendees: fm.attendees ?? [], agenda: fm.agenda ?? [], actions: [], decisions: [], rfcMentions: [] };
}
