/**
 * Who a comment mentions: `@Name` of a team member, where the name may hold spaces or Chinese characters.
 * The longest matching name wins (so `@Ada Lovelace` is not `@Ada`), and a mention must end at the text's end,
 * a space or punctuation — never inside a longer word. Plain text in, user ids out; nothing is rewritten.
 */
export interface Mentionable {
  id: string;
  name: string;
}

const END = /[\s,.;:!?，。；：！？、)）\]】"'”’]/u;

export function parseMentions(body: string, members: Mentionable[]): string[] {
  const byLength = members.filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (let i = body.indexOf("@"); i >= 0; i = body.indexOf("@", i + 1)) {
    // An e-mail address (a@b) is not a mention: the @ must start the text or follow a space or punctuation.
    if (i > 0 && !/[\s(（[【"'“‘,，。]/u.test(body[i - 1])) continue;
    const rest = body.slice(i + 1);
    const hit = byLength.find((m) => {
      if (!rest.toLowerCase().startsWith(m.name.toLowerCase())) return false;
      const next = rest[m.name.length];
      return next === undefined || END.test(next);
    });
    if (hit) found.add(hit.id);
  }
  return [...found];
}

/** The text split into plain runs and mentions (for rendering: mentions highlighted, never HTML). */
export function splitMentions(
  body: string,
  mentioned: Mentionable[],
): ({ text: string } | { text: string; userId: string })[] {
  const out: ({ text: string } | { text: string; userId: string })[] = [];
  const names = [...mentioned].sort((a, b) => b.name.length - a.name.length);
  let plain = "";
  for (let i = 0; i < body.length;) {
    if (body[i] === "@") {
      const rest = body.slice(i + 1).toLowerCase();
      const m = names.find((n) => rest.startsWith(n.name.toLowerCase()));
      if (m) {
        if (plain) out.push({ text: plain });
        plain = "";
        out.push({ text: body.slice(i, i + 1 + m.name.length), userId: m.id });
        i += 1 + m.name.length;
        continue;
      }
    }
    plain += body[i++];
  }
  if (plain) out.push({ text: plain });
  return out;
}
